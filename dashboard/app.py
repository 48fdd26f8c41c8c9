"""The strikemap page: filters, the place map, the quote panel, the events table, exports, uploads.

Run: `streamlit run dashboard/app.py -- --store PATH` (or set STRIKEMAP_STORE).

The page only reads `Store(path).evidence()`. The view (filters, selected place, map centre/zoom)
lives in the URL, so a link reproduces it. The folium map is cached by the filtered rows and its
script depends on nothing else, so a click or a pan never rebuilds it.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

# `streamlit run dashboard/app.py` puts dashboard/ (not the project root) on sys.path.
_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from dashboard import mapview  # noqa: E402
from dashboard.mapview import ViewState  # noqa: E402
from dashboard.pagedata import (  # noqa: E402
    cached_map_parts,
    date_bounds,
    filtered_view,
    open_store,
    read,
    store_path,
)
from dashboard.panel import place_panel_html  # noqa: E402
from dashboard.records import EVENT_TYPES, MODALITIES, TYPE_GROUPS  # noqa: E402

MAP_KEY = "placemap"
UPLOAD_TYPES = ["txt", "html", "htm", "json", "jsonl", "md"]
TABLE_COLUMNS = ["event_date", "place_name", "precision", "types", "modality", "killed", "injured",
                 "n_sources", "sentence", "title", "outlet", "published", "url"]
TABLE_ROWS = 300  # every row travels with every rerun (a click too); the downloads hold them all
PRECISION_CHOICES = {1: "Town only", 2: "Town or near a town", 3: "Any (incl. region-level)"}


# ---------------------------------------------------------------- data
# The page's reads (store, evidence, filtered views, map parts) are cached in dashboard/pagedata.py;
# the extraction pipeline, loaded only when articles are added, here.

@st.cache_resource(show_spinner="Loading the extraction pipeline…")
def pipeline_process():
    from dashboard.pipeline import Pipeline

    return Pipeline.load().process


# ---------------------------------------------------------------- view <-> widgets <-> URL

def seed_widgets(view: ViewState, bounds: tuple[date, date]) -> None:
    """On a session's first run, the URL decides the widgets' values."""
    if st.session_state.get("_seeded"):
        return
    st.session_state["_seeded"] = True
    for group, types in TYPE_GROUPS.items():
        st.session_state[f"types_{group}"] = [t for t in types if t in view.types]
    st.session_state["modalities"] = list(view.modalities)
    st.session_state["articles"] = list(view.articles)
    st.session_state["max_precision"] = view.max_precision
    st.session_state["query"] = view.query
    st.session_state["place"] = view.place
    st.session_state["map_center"] = view.center
    st.session_state["map_zoom"] = view.zoom
    lo, hi = bounds
    if view.date_from or view.date_to:
        st.session_state["dates"] = (date.fromisoformat(view.date_from) if view.date_from else lo,
                                     date.fromisoformat(view.date_to) if view.date_to else hi)
    else:
        st.session_state["dates"] = (lo, hi)


def map_drawn() -> bool:
    """Whether this session's map has drawn and reported its view (st_folium's first value)."""
    return bool(st.session_state.get(MAP_KEY))


def sidebar(articles: pd.DataFrame) -> None:
    """The filter widgets; their values stay in session state under their keys (see `current_view`).

    They are drawn once the map is (so are the place picker, the table and the upload form): the
    browser renders the page's elements in the thread that also runs the map's frame, and (as
    measured) made the frame only once the scripts of every widget on the page had arrived. A dozen
    widgets delayed the first marker by about a second. Until they are drawn the view comes from the
    URL (seed_widgets), exactly what the widgets will show.
    """
    sb = st.sidebar
    sb.header("Filters")
    if not map_drawn():
        sb.caption("The filters appear once the map is drawn.")
        return
    for group, group_types in TYPE_GROUPS.items():
        sb.multiselect(group.capitalize(), group_types, key=f"types_{group}", format_func=mapview.type_label)
    sb.multiselect("Modality", MODALITIES, key="modalities",
                   help="Reported events by default; warnings, expectations and denials on demand.")
    sb.date_input("Date range", key="dates", min_value=None, max_value=None,
                  help="Event date, else the article's publication date.")
    titles = dict(zip(articles["id"], articles["title"].fillna("").replace("", "untitled"), strict=False))
    sb.multiselect("Source article", list(titles), key="articles",
                   format_func=lambda a: titles.get(a, a)[:90], placeholder="All articles")
    sb.radio("Minimum precision", list(PRECISION_CHOICES), key="max_precision", format_func=PRECISION_CHOICES.get)
    sb.text_input("Find a place", key="query", placeholder="e.g. Kharkiv")


def current_view(bounds: tuple[date, date]) -> ViewState:
    """The view the filter widgets' values describe (read from session state, drawn or not)."""
    state = st.session_state
    types = {t for group in TYPE_GROUPS for t in state.get(f"types_{group}", [])}
    picked = state.get("dates")
    lo, hi = bounds
    date_from = date_to = None
    if isinstance(picked, (tuple, list)) and len(picked) == 2 and (picked[0] != lo or picked[1] != hi):
        date_from, date_to = picked[0].isoformat(), picked[1].isoformat()
    return ViewState(
        types=tuple(t for t in EVENT_TYPES if t in types),
        modalities=tuple(m for m in MODALITIES if m in state.get("modalities", [])),
        date_from=date_from, date_to=date_to, articles=tuple(state.get("articles", [])),
        max_precision=state.get("max_precision", ViewState.max_precision), query=state.get("query", ""),
        place=state.get("place"), center=state.get("map_center"), zoom=state.get("map_zoom"))


def sync_url(view: ViewState) -> None:
    wanted = view.to_query()
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


# ---------------------------------------------------------------- page sections

def absorb_map_state(places: pd.DataFrame) -> None:
    """Take the map's latest click and view (st_folium keeps them under its key) before anything
    is drawn, so the view handed back to the map is never older than the map itself."""
    out = st.session_state.get(MAP_KEY) or {}
    clicked = out.get("last_object_clicked")
    if clicked and clicked != st.session_state.get("_last_click"):
        st.session_state["_last_click"] = clicked
        place = mapview.place_at(places, clicked.get("lat"), clicked.get("lng"))
        if place:
            st.session_state["place"] = place
    center, zoom = out.get("center"), out.get("zoom")
    if center and zoom is not None:
        # Kept exactly as reported: handing back a rounded centre moves the map a hair, and the map
        # reports that move as a new view, which is one more rerun. The URL rounds it.
        st.session_state["map_center"] = (center["lat"], center["lng"])
        st.session_state["map_zoom"] = int(zoom)


def held_view(map_key: str, view: ViewState) -> tuple[list[float] | None, int | None]:
    """The centre and zoom handed to st_folium, fixed for the life of one map (one filtered data set).

    st_folium moves the map whenever these arguments change. Handing back every view the map reports
    moved the map back to an old view whenever a rerun's arguments reached the browser after the user
    had moved on (the rerun that draws the filters can take a second or two under load). So a map is
    given a view once: the URL's on a session's first map, the last reported one on a new map after a
    filter change (the user keeps their view), and the same arguments after that, which move nothing.
    """
    held = st.session_state.get("_held_view")
    if not held or held[0] != map_key:
        held = (map_key, list(view.center) if view.center else None, view.zoom)
        st.session_state["_held_view"] = held
    return held[1], held[2]


def map_section(fmap, map_key: str, view: ViewState) -> None:
    center, zoom = held_view(map_key, view)
    st_folium(fmap, key=MAP_KEY, height=620, use_container_width=True,
              returned_objects=["last_object_clicked", "center", "zoom"], center=center, zoom=zoom)


def panel_section(rows: pd.DataFrame, places: pd.DataFrame) -> None:
    names = dict(zip(places["place_id"], places["place_name"], strict=False))
    options = [None, *names]
    current = st.session_state.get("place")
    if current not in names:
        current = None
    picked = current
    if map_drawn():  # the picker (one option per place) comes with the filters, once the map is drawn
        picked = st.selectbox("Place", options, index=options.index(current),
                              format_func=lambda p: "Click a place on the map…" if p is None else str(names[p]))
        if picked != current:
            st.session_state["place"] = picked
    if picked is None:
        st.caption("The panel shows the sentences and quotes behind the place you pick, newest first.")
        return
    st.html(place_panel_html(rows[rows["place_id"] == picked]))


def table_section(rows: pd.DataFrame) -> None:
    st.subheader(f"Events in view ({rows['event_id'].nunique()} events, {len(rows)} evidence sentences)")
    if not map_drawn():
        # The table's scripts and rows share the browser's main thread with the map's frame: it is
        # drawn on the rerun the map triggers when it first reports its view, so the map comes first.
        st.caption("The table appears once the map is drawn.")
        return
    table = rows[TABLE_COLUMNS].head(TABLE_ROWS).copy()
    if len(rows) > TABLE_ROWS:
        st.caption(f"Showing the first {TABLE_ROWS:,} rows; the downloads hold all {len(rows):,}.")
    table["types"] = table["types"].map(
        lambda t: ", ".join(mapview.type_label(x) for x in mapview.split_types(t)))
    st.dataframe(table, hide_index=True, width="stretch", height=300,
                 column_config={"event_date": "date", "place_name": "place", "n_sources": "sources",
                                "url": st.column_config.LinkColumn("url", validate=r"^https?://"),
                                "sentence": st.column_config.TextColumn("sentence", width="large")})
    try:
        from dashboard.exports import to_csv_bytes, to_geojson
    except ImportError:
        st.caption("Exports are not available in this build (dashboard.exports missing).")
        return

    def geojson_bytes() -> bytes:
        geojson = to_geojson(rows)
        if isinstance(geojson, (dict, list)):
            geojson = json.dumps(geojson, ensure_ascii=False)
        return geojson.encode("utf-8") if isinstance(geojson, str) else geojson

    # The files are made when a button is clicked (Streamlit runs the callable in its own thread):
    # built on every rerun they cost seconds per click at 10,000 events.
    left, right, _ = st.columns([1, 1, 4])
    left.download_button("Download CSV", lambda: to_csv_bytes(rows), "strikemap-events.csv", "text/csv",
                         key="dl_csv", on_click="ignore")
    right.download_button("Download GeoJSON", geojson_bytes, "strikemap-events.geojson",
                          "application/geo+json", key="dl_geojson", on_click="ignore")


def ingest_section(path: Path) -> None:
    with st.expander("Add articles", expanded="_ingest_report" in st.session_state):
        show_ingest_report()
        try:
            from dashboard.ingest import ingest_text, ingest_uploads
        except ImportError:
            st.info("Adding articles needs the extraction pipeline, which this build does not include.")
            return
        with st.form("ingest", clear_on_submit=True):
            files = st.file_uploader("Article files", type=UPLOAD_TYPES, accept_multiple_files=True)
            text = st.text_area("…or paste an article", height=120)
            submitted = st.form_submit_button("Add to the map")
        if not submitted or (not files and not text.strip()):
            return
        store = open_store(str(path))
        with st.status("Reading articles…", expanded=True) as status:
            process = pipeline_process()
            reports = []
            if files:
                bar = st.progress(0.0, text=f"0 of {len(files)} files")

                def progress(done: int, total: int, name: str) -> None:
                    bar.progress(done / max(total, 1), text=f"{done} of {total} files · {name}")

                uploads = [(f.name, f.getvalue()) for f in files]
                reports.append(ingest_uploads(uploads, store, process, progress=progress))
            if text.strip():
                status.write("Processing the pasted text…")
                reports.append(ingest_text(text, store, process))
            added = sum(r.added for r in reports)
            unchanged = sum(r.unchanged for r in reports)
            errors = [f"{source}: {message}" for r in reports for source, message in r.errors]
            warnings = [f"{source}: {message}" for r in reports for source, message in r.warnings]
            status.update(label=f"Added {added} article(s), {unchanged} unchanged, {len(errors)} error(s)",
                          state="error" if errors and not added else "complete")
        # Rerun so the new points are on the map; the report survives the rerun in the session.
        st.session_state["_ingest_report"] = {
            "summary": f"Added {added} article(s), {unchanged} already stored.",
            "errors": errors, "warnings": warnings}
        st.rerun()


def show_ingest_report() -> None:
    report = st.session_state.pop("_ingest_report", None)
    if not report:
        return
    st.success(report["summary"])
    for error in report["errors"]:
        st.error(error)
    for warning in report["warnings"]:
        st.warning(warning)


def main() -> None:
    st.set_page_config(page_title="strikemap", page_icon="🗺️", layout="wide")
    path = store_path(sys.argv[1:])
    if not st.get_option("server.enableStaticServing"):
        st.error("Static serving is off, so the map's scripts cannot load offline. Start the page with "
                 "`--server.enableStaticServing true` (the project's .streamlit/config.toml sets it).")
    try:
        signature, _, articles = read(path)
    except Exception as exc:  # noqa: BLE001 -- any unreadable store: say which file and why, keep the page
        st.error(f"Cannot read the event store {path}: {exc}")
        ingest_section(path)
        return

    bounds = date_bounds(str(path), signature)
    seed_widgets(ViewState.from_query(st.query_params.to_dict()), bounds)
    sidebar(articles)
    view = current_view(bounds)
    rows, places, map_key = filtered_view(str(path), signature, view.filter_key(), view)
    absorb_map_state(places)
    view = view.with_(place=st.session_state.get("place"), center=st.session_state.get("map_center"),
                      zoom=st.session_state.get("map_zoom"))

    st.markdown("### strikemap · where the reports put the strikes")
    st.caption(f"{places.shape[0]} places · {rows['event_id'].nunique()} events · "
               f"{rows['article_id'].nunique()} of {len(articles)} articles · store: {path}")
    left, right = st.columns([3, 2], gap="medium")
    with left:
        map_section(mapview.build_map(cached_map_parts(map_key, places)), map_key, view)
    with right:
        panel_section(rows, places)
    table_section(rows)
    if map_drawn():  # like the filters and the table: the upload form's scripts wait for the map
        ingest_section(path)
    sync_url(view.with_(place=st.session_state.get("place"), center=st.session_state.get("map_center"),
                        zoom=st.session_state.get("map_zoom")))


main()
