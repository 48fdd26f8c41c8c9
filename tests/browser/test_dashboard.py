"""The dashboard as an analyst uses it, in headless Chromium, with the network cut off."""

from __future__ import annotations

import csv
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import MAP_IFRAME

pytestmark = pytest.mark.browser


def open_map(page, url: str):
    page.page.goto(url)
    frame = page.page.frame_locator(MAP_IFRAME)
    expect(frame.locator(".sm-pin").first).to_be_visible(timeout=30_000)
    return frame


def marker(frame, name: str):
    return frame.locator(".sm-icon", has=frame.locator(".sm-label", has_text=name))


def map_js(page, script: str, arg=None):
    """Run JS inside the map iframe (where st_folium keeps the Leaflet map as window.map)."""
    return page.page.frame(url=lambda u: "st_folium" in u).evaluate(script, arg)


def zoom_to(page, name: str, zoom: int = 9) -> None:
    """Markers overlap at low zoom: centre the map on the place before clicking it."""
    map_js(page, """([name, zoom]) => {
        let target = null;
        window.smPlaces.eachLayer(l => { if (l.feature.properties.n === name) target = l; });
        window.map.setView(target.getLatLng(), zoom, {animate: false});
    }""", [name, zoom])


def click_place(page, frame, name: str) -> None:
    """Zoom in on a place and click its marker once it is really on screen (zooming right after
    the first draw can race the map's own resize)."""
    target = marker(frame, name)
    for _ in range(5):
        zoom_to(page, name)
        page.page.wait_for_timeout(300)
        if map_js(page, "() => window.map.getZoom()") != 9:
            continue  # the map's own first fit came after our zoom: zoom again
        box, iframe = target.bounding_box(), page.page.locator(MAP_IFRAME).bounding_box()
        if box and iframe:  # both in page coordinates: the marker's centre must lie inside the map
            cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            inside_x = iframe["x"] <= cx <= iframe["x"] + iframe["width"]
            if inside_x and iframe["y"] <= cy <= iframe["y"] + iframe["height"]:
                target.click()
                return
    pytest.fail(f"the {name} marker never came into view")


def test_map_shows_kyiv_and_kharkiv_offline(page, app_url):
    frame = open_map(page, app_url)
    expect(marker(frame, "Kyiv")).to_be_visible()
    expect(marker(frame, "Kharkiv")).to_be_visible()
    expect(frame.locator(".sm-legend")).to_contain_text("Precision")
    # icon font served locally and actually applied
    icon, font = frame.locator(".sm-pin i").first, ""
    for _ in range(50):  # the stylesheet may apply a moment after the first marker shows
        font = icon.evaluate("e => getComputedStyle(e, '::before').fontFamily")
        if "Font Awesome" in font:
            break
        page.page.wait_for_timeout(200)
    assert "Font Awesome" in font
    page.shot("01-map")
    assert page.blocked == [], "the page tried to reach the internet"


def test_click_kharkiv_shows_its_sentence_and_the_mayors_quote(page, app_url):
    frame = open_map(page, app_url)
    map_js(page, "() => { window.map.__probe = 'same map'; }")
    click_place(page, frame, "Kharkiv")
    panel = page.page.locator(".smp")
    expect(panel).to_contain_text("has run out of electricity", timeout=15_000)
    expect(panel).to_contain_text("colossal")
    expect(panel.locator("mark", has_text="Kharkiv").first).to_be_visible()
    expect(page.page).to_have_url(re.compile(r"[?&]place="))
    # the click did not rebuild the map: same Leaflet map object, same zoom
    assert map_js(page, "() => window.map.__probe") == "same map"
    assert map_js(page, "() => window.map.getZoom()") == 9
    page.shot("02-kharkiv-panel")


def test_a_link_opens_its_view_and_keeps_it(page, app_url, app_store):
    """Place, centre and zoom from the URL: the map opens there and stays there once the filters,
    the picker and the table have been drawn (their rerun must not move the map)."""
    from dashboard.store import Store

    rows = Store(app_store[0]).evidence()
    kharkiv = rows[rows["place_name"] == "Kharkiv"].iloc[0]
    lat, lon = float(kharkiv["lat"]) + 0.05, float(kharkiv["lon"]) - 0.05
    open_map(page, f"{app_url}/?place={kharkiv['place_id']}&lat={lat:.4f}&lon={lon:.4f}&z=10")
    expect(page.page.locator(".smp")).to_contain_text("has run out of electricity", timeout=15_000)
    expect(page.page.get_by_label("Find a place")).to_be_visible(timeout=15_000)  # the filters' rerun
    page.page.wait_for_timeout(1_000)
    assert map_js(page, "() => window.map.getZoom()") == 10
    center = map_js(page, "() => window.map.getCenter()")
    assert abs(center["lat"] - lat) < 1e-3 and abs(center["lng"] - lon) < 1e-3
    expect(page.page).to_have_url(re.compile(r"[?&]z=10(&|$)"))


def only_type_places(app_store) -> tuple[str, set[str], set[str]]:
    """A type some labelled place has alone, those places, and the places that must stay."""
    from dashboard.mapview import ViewState, filter_evidence, split_types
    from dashboard.store import Store

    rows = filter_evidence(Store(app_store[0]).evidence(), ViewState())
    types_by_place: dict[str, set[str]] = {}
    for name, types in zip(rows["place_name"], rows["types"], strict=True):
        types_by_place.setdefault(name, set()).update(split_types(types))
    for t in sorted({t for ts in types_by_place.values() for t in ts}):
        gone = {p for p, ts in types_by_place.items() if ts == {t}}
        stay = {p for p, ts in types_by_place.items() if ts - {t}}
        if gone and stay:
            return t, gone, stay
    pytest.fail(f"no type is the only type of a place: {types_by_place}")


def test_unticking_a_type_removes_places_that_only_had_it(page, app_url, app_store):
    from dashboard.mapview import type_label

    kind, gone, stay = only_type_places(app_store)
    frame = open_map(page, app_url)
    for name in gone | stay:  # wait for every marker, not just the first
        expect(marker(frame, name)).to_be_visible(timeout=15_000)
    label = type_label(kind)
    page.page.locator('[data-testid="stSidebar"]').get_by_role("button", name=f"Remove {label}").click()
    # A new map is a new iframe, blank until it draws (and for a moment beside the old one): the
    # places that stay must show up in it before "gone" means more than "not drawn yet".
    for name in gone:
        expect(marker(frame, name)).to_have_count(0, timeout=15_000)
    for name in stay:
        expect(marker(frame, name)).to_be_visible(timeout=15_000)
    for name in gone:
        expect(marker(frame, name)).to_have_count(0)
    expect(page.page).to_have_url(re.compile(r"[?&]types="))
    page.shot("03-type-unticked")


def test_csv_download_has_the_filtered_rows(page, app_url, app_store):
    from dashboard.mapview import ViewState, filter_evidence
    from dashboard.store import Store

    expected = filter_evidence(Store(app_store[0]).evidence(), ViewState(query="Kharkiv"))
    open_map(page, app_url)
    search = page.page.get_by_label("Find a place")
    search.fill("Kharkiv")
    search.press("Enter")
    expect(page.page.frame_locator(MAP_IFRAME).locator(".sm-label")).to_have_text(["Kharkiv"], timeout=15_000)
    expect(page.page).to_have_url(re.compile(r"[?&]q=Kharkiv"))
    button = page.page.get_by_role("button", name="Download CSV")
    expect(button).to_be_enabled(timeout=15_000)
    download = None
    for _ in range(3):  # a click that lands while the page reruns (the map reporting its view) is lost
        try:
            with page.page.expect_download(timeout=15_000) as info:
                button.click()
            download = info.value
            break
        except PlaywrightTimeout:
            page.page.wait_for_timeout(500)
    assert download is not None, "the CSV download never started"
    with open(download.path(), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["location"] for r in rows} == {"Kharkiv"}
    assert len(rows) == expected["event_id"].nunique() > 0


def test_hostile_article_text_stays_text(page, app_url):
    frame = open_map(page, app_url)
    click_place(page, frame, "Kharkiv")
    panel = page.page.locator(".smp")
    expect(panel).to_contain_text("<script>alert(1)</script>", timeout=15_000)
    expect(panel).to_contain_text("<img src=x onerror=alert(1)>")
    expect(panel).to_contain_text("</div>")
    page.page.wait_for_timeout(500)  # give any injected handler its chance to fire
    for scope in (page.page, page.page.frame(url=lambda u: "st_folium" in u)):
        assert scope.locator("img[src='x']").count() == 0
        assert scope.locator("a[href^='javascript']").count() == 0
        assert scope.locator("script:text('alert')").count() == 0
        assert scope.locator(".smp b:text('calm')").count() == 0
    assert page.dialogs == []
    page.shot("04-hostile-article")


@pytest.mark.parametrize("width", [1900, 760])
def test_legend_covers_no_marker_when_the_map_opens(browser, app_url, width):
    """South-eastern markers stay clickable: on a narrow map the legend starts folded, and the
    first view leaves room for it."""
    from dashboard.mapview import LEGEND_OPEN_MIN_WIDTH
    from tests.browser.conftest import Page

    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = Page(context.new_page())
        frame = open_map(page, app_url)
        legend = frame.locator(".sm-legend")
        expect(legend).to_be_visible()
        if map_js(page, "() => window.map.getSize().x") < LEGEND_OPEN_MIN_WIDTH:
            assert legend.evaluate("d => d.open") is False
        page.page.wait_for_timeout(300)  # the fit runs right after the legend is placed
        box = legend.bounding_box()
        pins = [b for b in (p.bounding_box() for p in frame.locator(".sm-pin").all()) if b]
        assert len(pins) >= 3, "the first view shows the places, not one corner of them"
        covered = [b for b in pins if b["x"] < box["x"] + box["width"] and box["x"] < b["x"] + b["width"]
                   and b["y"] < box["y"] + box["height"] and box["y"] < b["y"] + b["height"]]
        assert covered == [], f"the legend ({box}) covers markers: {covered}"
        page.shot(f"05-legend-{width}")
    finally:
        context.close()


def test_heat_layer_draws_when_switched_on_offline(page, app_url):
    """The heat plugin is fetched (locally) only when the analyst ticks the layer."""
    frame = open_map(page, app_url)
    assert frame.locator("canvas.leaflet-heatmap-layer").count() == 0
    frame.get_by_label("Heat (events)").check()
    expect(frame.locator("canvas.leaflet-heatmap-layer")).to_have_count(1, timeout=15_000)
    assert page.blocked == []


def test_a_region_level_place_is_a_ring_at_its_capital_under_the_town_markers(page, app_url, app_store):
    if app_store[1] != "pipeline":
        pytest.skip("the region-level report is ingested by the pipeline")
    frame = open_map(page, app_url)
    ring = marker(frame, "Sumy Oblast")
    expect(ring).to_be_visible(timeout=15_000)
    expect(ring.locator(".sm-p3")).to_have_count(1)  # drawn as region-level: a dashed ring
    z = map_js(page, """() => { const out = {};
        window.smPlaces.eachLayer(l => { out[l.feature.properties.n] = [l.options.zIndexOffset, l.getLatLng().lat]; });
        return out; }""")
    assert z["Sumy Oblast"][0] < z["Kyiv"][0]  # under the towns' markers, which stay clickable
    assert round(z["Sumy Oblast"][1], 1) == 50.9  # at Sumy, the region's capital
