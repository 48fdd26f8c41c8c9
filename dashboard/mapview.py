"""From the store's evidence table to a fast folium map: filters, one marker per place, legend, heat.

Everything here is a pure function of a DataFrame with the columns of `Store.evidence()`, so the
page can cache by the filtered data and tests can build the map without a browser.

Speed: a folium Marker per event costs ~30 s per rerun at 10,000 events, so all places travel as
one compact GeoJSON document inside one layer element, and the browser draws them (divIcon markers,
clustered when many). The heat layer is computed in the browser from that same document, and its
plugin is fetched only when the user switches the layer on. The map loads Leaflet and the icon font
only: folium's jQuery, Bootstrap and awesome-markers are never used here, and every script the map
iframe loads is fetched one after the other.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass, replace
from typing import ClassVar

import folium
import pandas as pd
from branca.element import CssLink, Element, JavascriptLink
from folium.elements import JSCSSMixin
from jinja2 import Template

from dashboard.offline import LOCAL_ASSETS, local_url, localize
from dashboard.records import EVENT_TYPES, MODALITIES, PRECISION_REGION, TYPE_GROUPS

# Colour and Font Awesome icon per event type; strikes warm, effects purple, ground green, politics blue.
TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    # id: (colour, icon, label)
    "air_strike": ("#c0392b", "fa-jet-fighter", "Air strike"),
    "drone_strike": ("#d35400", "fa-plane-up", "Drone strike"),
    "missile_strike": ("#e74c3c", "fa-rocket", "Missile strike"),
    "shelling": ("#a04000", "fa-burst", "Shelling"),
    "explosion": ("#e67e22", "fa-explosion", "Explosion"),
    "interception": ("#7f8c8d", "fa-shield-halved", "Interception"),
    "infrastructure_damage": ("#8e44ad", "fa-plug-circle-xmark", "Infrastructure damage"),
    "casualties": ("#4a235a", "fa-user-injured", "Casualties"),
    "ground_fighting": ("#1e8449", "fa-person-rifle", "Ground fighting"),
    "military_movement": ("#52be80", "fa-truck-field", "Military movement"),
    "diplomacy": ("#2471a3", "fa-handshake", "Diplomacy"),
    "aid": ("#5dade2", "fa-hand-holding-heart", "Aid"),
}
assert set(TYPE_STYLE) == set(EVENT_TYPES), "every event type needs a map style"

PRECISION_LABELS = {1: "town", 2: "near a town / part of a region", 3: "region only"}
CLUSTER_ABOVE = 300  # places; beyond this markers are clustered until zoom CLUSTER_UNTIL_ZOOM
CLUSTER_UNTIL_ZOOM = 9
LABELLED_PLACES = 25  # the busiest places get a permanent name label
COORD_DECIMALS = 5  # ~1 m; more digits only make the map payload bigger
LEGEND_OPEN_MIN_WIDTH = 700  # px; on narrower maps the legend starts folded so it hides no markers
TYPE_INDEX = {t: i for i, t in enumerate(EVENT_TYPES)}  # types travel to the browser as indices

# The only assets the map itself needs (folium's Map asks for jQuery, Bootstrap and awesome-markers too).
LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
MAP_CSS = ["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
           "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css"]
HEAT_JS = "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/leaflet_heat.min.js"


def type_label(type_id: str) -> str:
    return TYPE_STYLE.get(type_id, ("", "", type_id.replace("_", " ")))[2]


def split_types(types: str | None) -> list[str]:
    return [t for t in (types or "").split(";") if t]


# ---------------------------------------------------------------- filters and the URL

@dataclass(frozen=True)
class ViewState:
    """What the user is looking at; round-trips through the URL so a link reproduces the view."""

    types: tuple[str, ...] = EVENT_TYPES
    modalities: tuple[str, ...] = ("reported",)
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    articles: tuple[str, ...] = ()  # article ids; empty means every article
    max_precision: int = PRECISION_REGION  # 1: towns only, 2: + near towns, 3: + region-level
    query: str = ""  # place search
    place: str | None = None  # selected place_id
    center: tuple[float, float] | None = None
    zoom: int | None = None

    def filter_key(self) -> tuple:
        """The part of the view that decides which rows are on the map (the map cache key)."""
        return (self.types, self.modalities, self.date_from, self.date_to, self.articles,
                self.max_precision, self.query.strip().lower())

    def to_query(self) -> dict[str, str]:
        q: dict[str, str] = {}
        if set(self.types) != set(EVENT_TYPES):
            q["types"] = ",".join(self.types) or "none"
        if self.modalities != ("reported",):
            q["mod"] = ",".join(self.modalities) or "none"
        if self.date_from:
            q["from"] = self.date_from
        if self.date_to:
            q["to"] = self.date_to
        if self.articles:
            q["art"] = ",".join(self.articles)
        if self.max_precision != PRECISION_REGION:
            q["prec"] = str(self.max_precision)
        if self.query:
            q["q"] = self.query
        if self.place:
            q["place"] = self.place
        if self.center:
            q["lat"], q["lon"] = f"{self.center[0]:.4f}", f"{self.center[1]:.4f}"
        if self.zoom is not None:
            q["z"] = str(self.zoom)
        return q

    @classmethod
    def from_query(cls, q) -> ViewState:
        """Parse query params leniently: unknown values are dropped, never an error page."""
        def items(key: str, allowed: tuple[str, ...], default: tuple[str, ...]) -> tuple[str, ...]:
            if key not in q:
                return default
            wanted = set(str(q[key]).split(","))
            return tuple(v for v in allowed if v in wanted)

        def number(key: str, kind):
            try:
                return kind(q[key]) if key in q else None
            except (TypeError, ValueError):
                return None

        lat, lon, prec = number("lat", float), number("lon", float), number("prec", int)
        center = (lat, lon) if lat is not None and lon is not None else None
        return cls(
            types=items("types", EVENT_TYPES, EVENT_TYPES),
            modalities=items("mod", MODALITIES, ("reported",)),
            date_from=_iso_date(q.get("from")),
            date_to=_iso_date(q.get("to")),
            articles=tuple(a for a in str(q.get("art", "")).split(",") if a),
            max_precision=prec if prec in (1, 2, 3) else PRECISION_REGION,
            query=str(q.get("q", ""))[:200],
            place=q.get("place") or None,
            center=center,
            zoom=number("z", int),
        )

    def with_(self, **changes) -> ViewState:
        return replace(self, **changes)


def _iso_date(value) -> str | None:
    try:
        return pd.Timestamp(str(value)).date().isoformat() if value else None
    except ValueError:
        return None


def evidence_dates(df: pd.DataFrame) -> pd.Series:
    """The date an evidence row is about: the event date, else the article's publication date."""
    dates = df["event_date"].where(df["event_date"].notna() & (df["event_date"] != ""), df["published"])
    return pd.to_datetime(dates.astype("string").str.slice(0, 10), errors="coerce")


def filter_evidence(df: pd.DataFrame, view: ViewState) -> pd.DataFrame:
    """Rows the view shows. A row passes the type filter when any of its types is selected.

    With a date range set, rows with neither an event date nor a publication date are left out.
    """
    keep = pd.Series(True, index=df.index)
    wanted = set(view.types)
    keep &= df["types"].map(lambda t: any(x in wanted for x in split_types(t)))
    keep &= df["modality"].isin(view.modalities)
    keep &= df["precision"].fillna(PRECISION_REGION) <= view.max_precision
    if view.articles:
        keep &= df["article_id"].isin(view.articles)
    if view.date_from or view.date_to:
        dates = evidence_dates(df)
        if view.date_from:
            keep &= dates >= pd.Timestamp(view.date_from)
        if view.date_to:
            keep &= dates <= pd.Timestamp(view.date_to)
    needle = view.query.strip().lower()
    if needle:
        keep &= (df["place_name"].fillna("").str.lower().str.contains(needle, regex=False)
                 | df["surface"].fillna("").str.lower().str.contains(needle, regex=False))
    return df[keep.fillna(False).astype(bool)]


def data_key(df: pd.DataFrame) -> str:
    """A short fingerprint of the rows on the map: same rows, same map, no rebuild."""
    ids = ",".join(sorted(df["evidence_id"].astype(str)))
    return hashlib.sha1(ids.encode()).hexdigest()[:16]


# ---------------------------------------------------------------- places

def places_summary(df: pd.DataFrame) -> pd.DataFrame:
    """One row per place that has coordinates: counts, dominant type, precision, casualties."""
    located = df[df["lat"].notna() & df["lon"].notna()]
    columns = ["place_id", "place_name", "lat", "lon", "precision", "country", "admin1", "n_events",
               "n_articles", "n_sources", "n_evidence", "killed", "injured", "dominant_type", "type_counts"]
    if located.empty:
        return pd.DataFrame(columns=columns)
    rank = {t: i for i, t in enumerate(EVENT_TYPES)}
    # Vectorised: a Python loop per place took ~2.7 s at 2,000 places.
    grouped = located.groupby("place_id", sort=False)
    out = grouped.agg(place_name=("place_name", "first"), lat=("lat", "first"), lon=("lon", "first"),
                      country=("country", "first"), admin1=("admin1", "first"),
                      n_events=("event_id", "nunique"), n_articles=("article_id", "nunique"),
                      n_evidence=("evidence_id", "size"))
    out["precision"] = grouped["precision"].min().fillna(PRECISION_REGION).astype(int)
    out["n_sources"] = pd.to_numeric(grouped["n_sources"].max(), errors="coerce").fillna(1).astype(int)
    events = located.drop_duplicates(["place_id", "event_id"])
    for column in ("killed", "injured"):
        values = pd.to_numeric(events[column], errors="coerce").fillna(0)
        out[column] = values.groupby(events["place_id"]).sum().reindex(out.index).fillna(0).astype(int)
    typed = events[["place_id", "types"]].assign(type=events["types"].fillna("").str.split(";"))
    typed = typed.explode("type")
    typed = typed[typed["type"].notna() & (typed["type"] != "")]
    counts = typed.groupby(["place_id", "type"]).size().reset_index(name="n")
    counts["rank"] = counts["type"].map(rank).fillna(99)
    counts = counts.sort_values(["place_id", "n", "rank"], ascending=[True, False, True])
    type_counts: dict[str, list[tuple[str, int]]] = {}
    for place_id, t, n in zip(counts["place_id"], counts["type"], counts["n"], strict=True):
        type_counts.setdefault(place_id, []).append((t, int(n)))
    out["type_counts"] = [type_counts.get(pid, []) for pid in out.index]
    out["dominant_type"] = [tc[0][0] if tc else "explosion" for tc in out["type_counts"]]
    out = out.reset_index()
    out["lat"], out["lon"] = out["lat"].astype(float), out["lon"].astype(float)
    out = out[columns]
    return out.sort_values(["n_events", "place_name"], ascending=[False, True], ignore_index=True)


def places_geojson(places: pd.DataFrame) -> dict:
    """Places as compact GeoJSON; every string that came from data is HTML-escaped here, once.

    Short keys, because the document travels with every new map: n name, t dominant type (index
    into EVENT_TYPES), c [[type index, events], ...], e events, a articles, k killed (only when
    > 0), p precision, l 1 when the name is drawn as a label. Marker size is computed in the browser.
    The quotes are not here: the panel reads them from Python when a place is clicked.
    """
    labelled = set(places.head(LABELLED_PLACES)["place_id"])
    features = []
    for p in places.itertuples(index=False):
        props = {"n": html.escape(str(p.place_name)), "t": TYPE_INDEX.get(p.dominant_type, 0),
                 "c": [[TYPE_INDEX[t], int(c)] for t, c in p.type_counts if t in TYPE_INDEX],
                 "e": int(p.n_events), "a": int(p.n_articles), "p": int(p.precision)}
        if int(p.killed):
            props["k"] = int(p.killed)
        if p.place_id in labelled:
            props["l"] = 1
        features.append({"type": "Feature", "properties": props, "geometry": {
            "type": "Point", "coordinates": [round(p.lon, COORD_DECIMALS), round(p.lat, COORD_DECIMALS)]}})
    return {"type": "FeatureCollection", "features": features}


def script_json(value) -> str:
    """JSON safe to embed inside a <script>: no `</script>`, no HTML comment openers."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_CSS = """
.leaflet-container{background:#e9eef2;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.sm-icon{background:none;border:none}
.sm-pin{box-sizing:border-box;border-radius:50%;border:2px solid #fff;display:flex;align-items:center;
 justify-content:center;color:#fff;box-shadow:0 1px 4px rgba(0,0,0,.45);position:relative}
.sm-pin i{font-size:11px}
.sm-p2{border:2px dotted #fff;opacity:.9}
.sm-p3{background:transparent!important;box-shadow:none;border-width:2px;border-style:dashed}
.sm-label{position:absolute;left:100%;top:50%;transform:translate(4px,-50%);white-space:nowrap;
 font-size:12px;font-weight:600;color:#1b2631;text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff;
 pointer-events:none}
.sm-p3 .sm-label{left:50%;top:100%;transform:translate(-50%,2px);font-style:italic}
.sm-legend{background:rgba(255,255,255,.94);padding:8px 10px;border-radius:6px;font-size:12px;
 line-height:1.35;box-shadow:0 1px 5px rgba(0,0,0,.3);max-height:300px;overflow:auto}
.sm-legend b{display:block;margin:2px 0}.sm-legend summary{cursor:pointer}
.sm-legend .sw{display:inline-flex;width:16px;height:16px;border-radius:50%;align-items:center;
 justify-content:center;color:#fff;font-size:9px;margin-right:5px;vertical-align:middle}
.sm-legend .ring{display:inline-block;width:14px;height:14px;border-radius:50%;margin-right:5px;
 vertical-align:middle;border:2px solid #555}
.sm-cluster{border-radius:50%;color:#fff;font-weight:700;display:flex;align-items:center;
 justify-content:center;border:3px solid rgba(255,255,255,.8);box-shadow:0 1px 5px rgba(0,0,0,.4)}
"""


class _Text(Element):
    """Text that is already rendered, added to the figure as it is."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class PlacesLayer(JSCSSMixin, folium.map.Layer):
    """All places in one layer: one GeoJSON document, styled in the browser (divIcon per place).

    The layer is made here but put on the map by `FitPlaces`, last: once the map has its final view
    and its controls. Added earlier, its markers were clustered and drawn at the starting zoom, then
    taken down and clustered again by the fit, and the controls' layout was paid with every marker
    on the page (~0.3 s of the map iframe's ~0.5 s script time at 2,000 places).
    """

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  if (!document.getElementById("sm-style")) {
    var css = document.createElement("style"); css.id = "sm-style";
    css.textContent = {{ this.css }}; document.head.appendChild(css);
  }
  var data = {{ this.data }};
  var styles = {{ this.styles }};  // per type index: [colour, icon, label]
  var precisionText = {{ this.precision_text }};
  // Marker diameter in px: grows with the log of the event count so big places don't swallow the map.
  function size(e) { return Math.floor(Math.min(46, 22 + 6 * Math.log2(Math.max(1, e)))); }
  function pinHtml(p) {
    var st = styles[p.t] || styles[0], c = st[0];
    var look = p.p >= 3 ? "border-color:" + c + ";color:" + c + ";background:" + c + "22"
                        : "background:" + c;
    return '<div class="sm-pin sm-p' + p.p + '" style="width:' + p.s + 'px;height:' + p.s + 'px;' + look
      + '"><i class="fa-solid ' + st[1] + '"></i>' + (p.l ? '<span class="sm-label">' + p.n + '</span>' : '')
      + '</div>';
  }
  var layer = L.geoJSON(data, {
    pointToLayer: function (f, latlng) {
      // A region-level place (precision 3) is often drawn at its capital, where the capital's own
      // marker may be: a wider dashed ring under the town markers, its label below, not beside.
      var p = f.properties, region = p.p >= 3; p.s = size(p.e) + (region ? 18 : 0);
      var m = L.marker(latlng, {
        icon: L.divIcon({html: pinHtml(p), className: "sm-icon", iconSize: [p.s, p.s],
                         iconAnchor: [p.s / 2, p.s / 2]}),
        riseOnHover: true, keyboard: false, zIndexOffset: region ? -1000 : 0
      });
      m.bindTooltip("<b>" + p.n + "</b><br>" + p.e + (p.e == 1 ? " event" : " events") + " \u00b7 "
        + p.a + (p.a == 1 ? " article" : " articles") + (p.k ? " \u00b7 " + p.k + " killed" : "")
        + "<br>" + p.c.map(function (tc) { return styles[tc[0]][2] + " (" + tc[1] + ")"; }).join(", ")
        + "<br><i>precision: " + precisionText[p.p] + "</i>",
        {direction: "top", offset: [0, -p.s / 2]});
      return m;
    }
  });
  window.smPlaces = layer;  // every place marker, also while a cluster holds it (tests, benchmark)
  {% if this.clustered %}
  // markercluster needs the map's maxZoom, which a folium map without tiles leaves unset.
  var fmap = {{ this._parent.get_name() }};
  if (!fmap.options.maxZoom) { fmap.setMaxZoom(18); }
  var group = L.markerClusterGroup({
    // Not chunked: chunks only add setTimeout gaps here, the markers show once all are placed anyway.
    maxClusterRadius: 40, disableClusteringAtZoom: {{ this.cluster_until }}, chunkedLoading: false,
    showCoverageOnHover: false,
    iconCreateFunction: function (cluster) {
      var votes = {}, total = 0, best = 0;
      cluster.getAllChildMarkers().forEach(function (m) {
        var p = m.feature.properties; total += p.e; votes[p.t] = (votes[p.t] || 0) + p.e;
        if (votes[p.t] > (votes[best] || 0)) best = p.t;
      });
      var s = Math.min(56, 28 + 5 * Math.log2(total));
      return L.divIcon({html: '<div class="sm-cluster" style="width:' + s + 'px;height:' + s
        + 'px;background:' + styles[best][0] + '">' + total + '</div>', className: "sm-icon",
        iconSize: [s, s]});
    }
  });
  group.addLayer(layer);
  return group;
  {% else %}
  return layer;
  {% endif %}
})();
{% endmacro %}
""")

    default_js: ClassVar = [("markerclusterjs",
                   "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js")]
    default_css: ClassVar = [
        ("markerclustercss",
         "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css"),
        ("markerclusterdefaultcss",
         "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css"),
    ]

    def __init__(self, places_json: str, *, name: str = "Places", clustered: bool = False):
        """`places_json`: `script_json(places_geojson(...))`, already safe to embed in a script."""
        # show=False: folium would add the layer where it is defined; FitPlaces adds it (it is shown).
        super().__init__(name=name, overlay=True, control=True, show=False)
        self._name = "PlacesLayer"
        self.data = places_json
        self.styles = script_json([list(TYPE_STYLE[t]) for t in EVENT_TYPES])
        self.precision_text = script_json({str(k): v for k, v in PRECISION_LABELS.items()})
        self.css = script_json(_CSS)
        self.clustered = clustered
        self.cluster_until = CLUSTER_UNTIL_ZOOM
        if not clustered:  # markercluster is only loaded when used
            self.default_js, self.default_css = [], []

    def render(self, **kwargs) -> None:
        """What folium's render does for this layer (its links in the header, its script), minus one
        step: branca hands every rendered script to the figure as a new Jinja template, compiled on
        each render. With every place inside, that compile was most of st_folium's time on each
        rerun (it renders the map twice); this script goes in as plain text."""
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        figure.script.add_child(_Text(self._template.module.script(self, kwargs)), name=self.get_name())


class BrowserHeat(folium.map.Layer):
    """Heat of events per place, computed in the browser from the places layer's own data, with the
    heat plugin fetched only when the user switches the layer on (most never do)."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.layerGroup();
{{ this.get_name() }}.on("add", function () {
  var group = this, places = {{ this.places.get_name() }};
  if (group.getLayers().length) return;
  function draw() {
    var points = [];
    (window.smPlaces || places).eachLayer(function (m) {
      var ll = m.getLatLng(); points.push([ll.lat, ll.lng, m.feature.properties.e]);
    });
    group.addLayer(L.heatLayer(points, {radius: 22, blur: 18, minOpacity: 0.3, maxZoom: 9}));
  }
  if (L.heatLayer) { draw(); return; }
  var s = document.createElement("script"); s.src = {{ this.script_url }}; s.onload = draw;
  document.head.appendChild(s);
});
{% endmacro %}
""")

    def __init__(self, places: PlacesLayer, *, name: str = "Heat (events)"):
        super().__init__(name=name, overlay=True, control=True, show=False)
        self._name = "BrowserHeat"
        self.places = places
        self.script_url = script_json(local_url(LOCAL_ASSETS[HEAT_JS]))


def legend_html(present: set[str] | None = None) -> str:
    """Legend content: our own labels only (no data), grouped like the type filter, limited to the
    types that dominate some marker on this map (all types when `present` is None)."""
    is_open = " open" if present is not None and len(present) <= 6 else ""  # big legends start folded
    parts = [f'<details class="sm-legend"{is_open}><summary><b style="display:inline">Legend</b></summary>']
    for group, types in TYPE_GROUPS.items():
        shown = [t for t in types if present is None or t in present]
        if not shown:
            continue
        parts.append(f"<b>{group.capitalize()}</b>")
        for t in shown:
            colour, icon, label = TYPE_STYLE[t]
            parts.append(f'<div><span class="sw" style="background:{colour}"><i class="fa-solid {icon}">'
                         f"</i></span>{label}</div>")
    parts.append("<b>Precision</b>"
                 '<div><span class="ring" style="background:#555;border-color:#fff;'
                 'box-shadow:0 0 0 1px #555"></span>town</div>'
                 '<div><span class="ring" style="background:#555;border:2px dotted #fff;'
                 'box-shadow:0 0 0 1px #555"></span>near town / part of region</div>'
                 '<div><span class="ring" style="border-style:dashed"></span>region only (not exact)</div>'
                 "<b>Size</b><div>grows with the number of events</div></details>")
    return "".join(parts)


class Legend(folium.MacroElement):
    """A Leaflet control (not page HTML) so it works both in st_folium and in a saved map."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.control({position: "bottomright"});
{{ this.get_name() }}.onAdd = function (map) {
  var div = L.DomUtil.create("div", "");
  div.innerHTML = {{ this.body }};
  // A narrow map has no room for the open legend: it would sit on the south-eastern markers.
  if (map.getSize().x < {{ this.open_min_width }}) { div.firstChild.open = false; }
  L.DomEvent.disableClickPropagation(div); L.DomEvent.disableScrollPropagation(div);
  return div;
};
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, present: set[str] | None = None):
        super().__init__()
        self._name = "Legend"
        self.body = script_json(legend_html(present))
        self.open_min_width = LEGEND_OPEN_MIN_WIDTH


class FitPlaces(folium.MacroElement):
    """Fit the map to the places, then put the places layer on it. Added last, after the legend and
    the layer switcher, so the markers are clustered and drawn once, at the final view.

    The fit is not animated (an animated fit makes the map report two views in a row, and each
    report is a page rerun) and keeps the bottom-right corner clear of the legend and the top-right
    of the layer switcher, so no marker starts hidden under them."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function (map, places) {
  {% if this.bounds %}
  // Fixed sizes, not measured ones: st_folium adds the stylesheets without waiting for them, so
  // the controls have no final size yet when this runs. Folded legend ~90x30 px, open up to
  // ~230x310; the layer switcher (top right) ~150x60.
  var legendOpen = map.getContainer().querySelector(".sm-legend[open]") !== null;
  map.fitBounds({{ this.bounds }}, {animate: false, maxZoom: {{ this.max_zoom }},
    paddingTopLeft: [30, 75], paddingBottomRight: legendOpen ? [250, 330] : [170, 50]});
  {% endif %}
  places.addTo(map);
})({{ this._parent.get_name() }}, {{ this.places.get_name() }});
{% endmacro %}
""")

    def __init__(self, places: PlacesLayer, bounds: list[list[float]] | None, max_zoom: int = 8):
        super().__init__()
        self._name = "FitPlaces"
        self.places = places
        self.bounds = script_json(bounds) if bounds is not None else None
        self.max_zoom = int(max_zoom)


def map_bounds(places: pd.DataFrame) -> list[list[float]] | None:
    if places.empty:
        return None
    return [[float(places["lat"].min()), float(places["lon"].min())],
            [float(places["lat"].max()), float(places["lon"].max())]]


@dataclass(frozen=True)
class MapParts:
    """Everything costly about a map, computed once per filtered data set (safe to cache and share).

    The folium Map itself must not be cached: st_folium renames the elements of the map it renders,
    and a second render of the same object emits references to the old names (a blank map).
    """

    places_json: str
    bounds: list | None
    clustered: bool
    dominant_types: frozenset


def map_parts(places: pd.DataFrame) -> MapParts:
    return MapParts(
        places_json=script_json(places_geojson(places)),
        bounds=map_bounds(places),
        clustered=len(places) > CLUSTER_ABOVE,
        dominant_types=frozenset(places["dominant_type"]),
    )


def build_map(places: pd.DataFrame | MapParts, *, heat: bool = True) -> folium.Map:
    """A fresh map for a set of places (or their precomputed parts). Its view depends only on the
    data, so its script (and with it st_folium's component identity) is stable across reruns; the
    URL's centre/zoom are applied by st_folium as a live view change instead."""
    parts = places if isinstance(places, MapParts) else map_parts(places)
    bounds = parts.bounds
    if bounds is None:
        center, zoom = (48.5, 31.5), 5  # Ukraine, when nothing matches
    else:
        center = ((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2)
        zoom = 6
    fmap = folium.Map(location=center, zoom_start=zoom, tiles=None, control_scale=True,
                      prefer_canvas=True, min_zoom=2, max_zoom=16)
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [(url.rsplit("/", 1)[-1], url) for url in MAP_CSS]
    places_layer = PlacesLayer(parts.places_json, clustered=parts.clustered).add_to(fmap)
    if heat and bounds is not None:
        BrowserHeat(places_layer).add_to(fmap)
    Legend(set(parts.dominant_types) or None).add_to(fmap)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    FitPlaces(places_layer, bounds).add_to(fmap)  # last: after the legend and the layer switcher
    return localize(fmap)


def place_at(places: pd.DataFrame, lat: float, lon: float) -> str | None:
    """The place whose marker sits at a clicked position (markers report their own coordinates)."""
    if places.empty or lat is None or lon is None:
        return None
    d = (places["lat"] - lat).abs() + (places["lon"] - lon).abs()
    i = d.idxmin()
    return str(places.at[i, "place_id"]) if d[i] < 1e-4 else None
