"""Shared test settings: Hypothesis runs without its per-example time limit, because timings are never
assertions here and the 2-core machine running the suite is shared (a loaded core made one example
of a fast property test take 300 ms)."""

from hypothesis import settings

settings.register_profile("shared-machine", deadline=None)
settings.load_profile("shared-machine")
