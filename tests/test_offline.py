"""Every asset the map asks for is a local file that exists; nothing points at a CDN."""

from __future__ import annotations

import re

import folium
import pytest
from folium.plugins import HeatMap, MarkerCluster

from dashboard import mapview, offline
from tests.evidence_fixture import sample_evidence


def built_map(clustered: bool = False) -> folium.Map:
    places = mapview.places_summary(sample_evidence())
    if clustered:
        places = places.copy()
        parts = mapview.map_parts(places)
        return mapview.build_map(mapview.MapParts(parts.places_json, parts.bounds, True, parts.dominant_types))
    return mapview.build_map(places)


@pytest.mark.parametrize("clustered", [False, True])
def test_every_map_asset_is_vendored_and_present(clustered):
    urls = offline.asset_links(built_map(clustered))
    assert urls and all(u.startswith("/app/static/vendor/") for u in urls), urls
    for url in urls:
        assert offline.vendored_file(url).is_file(), url
    if clustered:
        assert any("markercluster" in u for u in urls)


def test_map_loads_only_what_it_uses():
    """Each script is a sequential request in the map iframe: no jQuery, Bootstrap or awesome-markers."""
    urls = offline.asset_links(built_map())
    assert [u.rsplit("/", 1)[-1] for u in urls] == ["leaflet.js", "leaflet.css", "all.min.css"]


def test_heat_plugin_is_fetched_from_a_vendored_file_when_switched_on():
    html = built_map().get_root().render()
    heat = re.findall(r'"(/app/static/vendor/[^"]*heat[^"]*)"', html)
    assert heat and all(offline.vendored_file(u).is_file() for u in heat)
    assert "leaflet-heat" not in " ".join(offline.asset_links(built_map()))


def test_rendered_html_has_no_remote_links():
    html = built_map(True).get_root().render()
    remote = re.findall(r'(?:src|href)="(https?:[^"]+)"', html)
    assert remote == []


def test_stylesheets_reach_their_fonts_and_images():
    """CSS url(...) references resolve to vendored files (icon fonts must render offline)."""
    for css in offline.VENDOR_DIR.rglob("*.css"):
        for ref in re.findall(r"url\(['\"]?([^'\")#?]+)", css.read_text(encoding="utf-8")):
            if ref.startswith("data:"):
                continue
            assert (css.parent / ref).resolve().is_file(), f"{css.name} -> {ref}"


def test_every_vendored_package_has_a_licence_and_is_listed():
    readme = (offline.VENDOR_DIR / "README.md").read_text(encoding="utf-8")
    for package in (p for p in offline.VENDOR_DIR.iterdir() if p.is_dir()):
        assert any("LICEN" in f.name.upper() for f in package.iterdir()), package.name
        assert f"| {package.name} |" in readme, package.name


def test_localize_leaves_folium_defaults_alone_and_refuses_unknown_cdns():
    before = list(folium.Map.default_js)
    built_map()
    assert folium.Map.default_js == before  # instance attributes only
    with pytest.raises(offline.MissingAsset, match="jquery"):  # not vendored: our map never loads it
        offline.localize(folium.Map(tiles=None))
    fmap = mapview.build_map(mapview.places_summary(sample_evidence()))
    HeatMap([[50.0, 30.0, 1.0]]).add_to(fmap)
    MarkerCluster().add_to(fmap)
    offline.localize(fmap)
    element = folium.Map(tiles=None)
    element.default_js = [("x", "https://cdn.example.org/unknown.js")]
    with pytest.raises(offline.MissingAsset, match="unknown.js"):
        offline.localize(element)
