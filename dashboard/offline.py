"""Serve every script, stylesheet and icon font the map needs from this package, never from a CDN.

Folium points Leaflet, Font Awesome and its plugins at CDNs; offline the map is then silently blank.
The files are vendored under `dashboard/static/vendor/` (see the README there) and Streamlit serves
that folder at `/app/static/` when `server.enableStaticServing` is on. Only what our map uses is
vendored: folium's Map also asks for jQuery, Bootstrap and awesome-markers, which `mapview` drops
(each script costs the map iframe a sequential request); a map that still asks for them is refused.

Nothing here runs at import time: `localize(map)` rewrites one built map's links (as instance
attributes, so folium's class-level defaults stay untouched for anyone else in the process).
A CDN link with no local copy raises instead of silently reaching for the internet.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import branca
import folium

STATIC_DIR = Path(__file__).parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
# Where Streamlit's static serving exposes STATIC_DIR (files next to the app script's `static/`).
STATIC_URL = "/app/static"

# CDN URL (as folium 0.20 / its plugins name it) -> file under VENDOR_DIR.
LOCAL_ASSETS: dict[str, str] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": "leaflet/dist/leaflet.js",
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": "leaflet/dist/leaflet.css",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css":
        "fontawesome-free/css/all.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js":
        "leaflet.markercluster/dist/leaflet.markercluster.js",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css":
        "leaflet.markercluster/dist/MarkerCluster.css",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css":
        "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/leaflet_heat.min.js":
        "leaflet.heat/dist/leaflet-heat.js",
}

class MissingAsset(RuntimeError):
    """A map element wants a remote file that is not vendored: offline it would break the map."""


def local_url(vendor_path: str) -> str:
    return f"{STATIC_URL}/vendor/{vendor_path}"


def _walk(element) -> Iterator:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def _localize_links(links: list[tuple[str, str]], owner: str) -> list[tuple[str, str]]:
    local = []
    for name, url in links:
        if url.startswith(STATIC_URL + "/"):
            local.append((name, url))
            continue
        vendor_path = LOCAL_ASSETS.get(url)
        if vendor_path is None:
            raise MissingAsset(f"{owner} loads {url}, which is not vendored under {VENDOR_DIR}")
        local.append((name, local_url(vendor_path)))
    return local


def localize(fmap: folium.Map) -> folium.Map:
    """Point every JS/CSS link of `fmap` and its children at the vendored copies; returns `fmap`.

    st_folium collects `default_js` / `default_css` from each element of the tree and loads them
    in the component iframe, so rewriting them per element is all it takes.
    """
    for element in _walk(fmap):
        if isinstance(element, branca.colormap.ColorMap):
            raise MissingAsset("branca colormaps make st_folium load d3 from a CDN; draw the legend in HTML")
        if not isinstance(element, folium.elements.JSCSSMixin):
            continue
        owner = type(element).__name__
        element.default_js = _localize_links(list(element.default_js), owner)
        element.default_css = _localize_links(list(element.default_css), owner)
    return fmap


def asset_links(fmap: folium.Map) -> list[str]:
    """Every JS/CSS URL the map's elements ask for, in tree order. Like st_folium, only JSCSSMixin
    elements count: a `default_js` on any other element is never loaded."""
    urls = []
    for element in _walk(fmap):
        if not isinstance(element, folium.elements.JSCSSMixin):
            continue
        urls += [u for _, u in getattr(element, "default_js", [])]
        urls += [u for _, u in getattr(element, "default_css", [])]
    return urls


def vendored_file(url: str) -> Path:
    """The file on disk behind a local asset URL (for tests and health checks)."""
    prefix = STATIC_URL + "/"
    if not url.startswith(prefix):
        raise ValueError(f"not a local static URL: {url}")
    return STATIC_DIR / url[len(prefix):]
