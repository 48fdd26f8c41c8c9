"""Start the dashboard's Streamlit server with the first visit's work already done.

Streamlit runs the page script in its own process, importing pandas, folium and the map code, and
reading the store, on the first visit; a just-started server then drew its first marker a second
or two later than a warm one. Here that work is done before the server starts listening: the heavy
modules are imported and `pagedata.warm` fills the page's caches with the store's default view
and renders its map once. The server reports ready (and prints its URL) only after that, so a
visitor who opens the page once it is ready waits no longer than on a warm server.

    python -m dashboard.server [streamlit options] -- --store PATH
"""

from __future__ import annotations

import gc
import inspect
import sys
import time
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"


def command(port: int, address: str, store: Path) -> list[str]:
    """The command line that serves the dashboard of `store` (used by `strikemap serve` and tests)."""
    return [
        sys.executable, "-m", "dashboard.server",
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true",
        "--server.enableStaticServing", "true",
        "--browser.gatherUsageStats", "false",
        # No watching of the source files for edits (a served dashboard is not being edited): each
        # new session's watcher first resolved the path of every loaded module, ~0.2-0.3 s in which
        # the server answered nothing, the first page's requests included.
        "--server.fileWatcherType", "none",
        # The page writes nothing by bare expressions: no "magic" rewrite of it on the first visit.
        "--runner.magicEnabled", "false",
        "--", "--store", str(store),
    ]


def warm(page_args: list[str]) -> None:
    """The first visit's work, before the server listens. Streamlit's configuration is not read
    here (the command-line options are applied after). streamlit_folium itself is not imported:
    outside a script run it would skip registering its component, and the page could not load it.
    Its dependencies are, which is most of its import time."""
    t = time.perf_counter()
    import folium.plugins  # noqa: F401 -- streamlit_folium's imports
    import streamlit.components.v1  # noqa: F401

    import dashboard.panel  # noqa: F401
    from dashboard import pagedata

    # The rest of streamlit_folium's import: declaring its component looks up the caller's module
    # with inspect.getmodule, whose first call resolves the path of every loaded module (~0.1-0.3 s).
    # Made here, that first call leaves the page's call only the modules loaded since to resolve.
    inspect.getmodule(inspect.currentframe())

    path = pagedata.store_path(page_args)
    try:
        pagedata.warm(path)
    except Exception as exc:  # noqa: BLE001 -- the page says what is wrong with the store
        print(f"strikemap: not warmed ({type(exc).__name__}: {exc})", file=sys.stderr)
        return
    print(f"strikemap: {path} read and its map built in {time.perf_counter() - t:.1f} s", file=sys.stderr)


def main(argv: list[str]) -> int:
    from streamlit.web import cli as streamlit_cli

    warm(argv[argv.index("--") + 1:] if "--" in argv else [])
    # Streamlit runs a full garbage collection after every script run (runner.postScriptGC), a rerun
    # for a click included, holding the interpreter while it walks every object: ~0.1 s here, during
    # which the server sends nothing. What exists now (modules, the warmed frames) lives as long as
    # the server: frozen, the collector no longer walks it.
    gc.freeze()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    return streamlit_cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
