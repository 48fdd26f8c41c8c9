"""What the page reads, cached once per server for every session: the store, its evidence and
articles, each filtered view and the costly parts of its map.

A module of its own (not the page script) so that `dashboard.server` can fill these very caches
before the server reports ready (`warm`): a just-started server then answers its first visitor as
fast as a warm one. Streamlit's cache_resource works outside a script run, and a function's cache
is found by its module, name and source, so the page's calls hit what `warm` stored.
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import mapview
from dashboard.mapview import ViewState

DEFAULT_STORE = "data/strikemap.sqlite"


def store_path(argv: list[str]) -> Path:
    """The store named by the page's arguments (`-- --store PATH`), else STRIKEMAP_STORE, else the default."""
    parser = argparse.ArgumentParser(prog="dashboard/app.py")
    parser.add_argument("--store", default=os.environ.get("STRIKEMAP_STORE") or DEFAULT_STORE)
    args, _ = parser.parse_known_args(argv)
    return Path(args.store)


@st.cache_resource(show_spinner=False)
def open_store(path: str):
    from dashboard.store import Store

    return Store(path)


def store_signature(path: Path) -> tuple:
    """Changes whenever the store file (or its WAL) is written, also by an ingest in another process."""
    sig = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            s = p.stat()
            sig.append((s.st_mtime_ns, s.st_size))
        except FileNotFoundError:
            sig.append(None)
    return tuple(sig)


# The frames below are cached as shared objects (cache_resource), not copies (cache_data): copying
# 10,000 evidence rows out of the cache cost ~0.2-0.3 s on every rerun, a map click included. They
# are read-only by contract; pandas' copy-on-write keeps a derived frame's edits from reaching them.
# The store's signature (file and WAL mtime/size) is part of every key, so a write is seen at once.

@st.cache_resource(show_spinner=False, max_entries=4)
def load_evidence(path: str, signature: tuple) -> pd.DataFrame:
    return open_store(path).evidence()


@st.cache_resource(show_spinner=False, max_entries=4)
def load_articles(path: str, signature: tuple) -> pd.DataFrame:
    return open_store(path).articles()


@st.cache_resource(show_spinner=False, max_entries=4)
def date_bounds(path: str, signature: tuple) -> tuple[date, date]:
    """The first and last date of the evidence (today when it has none): the date filter's range."""
    dates = mapview.evidence_dates(load_evidence(path, signature)).dropna()
    if dates.empty:
        today = date.today()
        return today, today
    return dates.min().date(), dates.max().date()


@st.cache_resource(show_spinner=False, max_entries=32)
def filtered_view(path: str, signature: tuple, filter_key: tuple, _view: ViewState):
    """Filtered rows, their places, and the key of the map they make."""
    rows = mapview.filter_evidence(load_evidence(path, signature), _view)
    return rows, mapview.places_summary(rows), mapview.data_key(rows)


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_map_parts(map_key: str, _places: pd.DataFrame) -> mapview.MapParts:
    """The built map's costly parts, by the filtered data's key (the Map object is rebuilt from
    them in ~ms; st_folium cannot render one Map object twice)."""
    return mapview.map_parts(_places)


def read(path: Path) -> tuple[tuple, pd.DataFrame, pd.DataFrame]:
    """The store's signature, evidence and articles, as the page reads them."""
    open_store(str(path))  # first: opening may create the WAL file, which changes the signature
    signature = store_signature(path)
    return signature, load_evidence(str(path), signature), load_articles(str(path), signature)


def warm(path: Path) -> None:
    """Compute what a first visit to the page shows (the default view of the store at `path`) into
    the caches above, and render its map once (folium's and jinja's first renders are the slow ones)."""
    signature, _, _ = read(path)
    date_bounds(str(path), signature)
    view = ViewState()
    _, places, map_key = filtered_view(str(path), signature, view.filter_key(), view)
    mapview.build_map(cached_map_parts(map_key, places)).get_root().render()
