"""Map benchmark: 10,000 synthetic events over 2,000 places. Prints figures; asserts nothing.

    PYTHONPATH=. .venv/bin/python bench/bench_map.py            # build + browser figures
    PYTHONPATH=. .venv/bin/python bench/bench_map.py --no-browser

Targets (from the issue): first marker <= 4 s, click -> quote panel <= 1 s, filter change <= 2 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard import mapview  # noqa: E402
from dashboard.records import (  # noqa: E402
    EVENT_TYPES,
    MODALITIES,
    Article,
    ArticleResult,
    Event,
    Mention,
    Place,
    Quote,
    Sentence,
)

N_EVENTS, N_PLACES, N_ARTICLES = 10_000, 2_000, 500


def synthetic_results(seed: int = 7) -> list[ArticleResult]:
    rng = random.Random(seed)
    places = [Place(id=f"syn:{i}", name=f"Place {i}", lat=rng.uniform(44.5, 52.3),
                    lon=rng.uniform(22.2, 40.2), feature="city", country="UA", admin1=f"Oblast {i % 24}",
                    precision=rng.choice((1, 1, 1, 2, 3))) for i in range(N_PLACES)]
    results = []
    per_article = N_EVENTS // N_ARTICLES
    for a in range(N_ARTICLES):
        sentences, events, offset = [], [], 0
        for k in range(per_article):
            place = rng.choice(places)
            text = f"Strikes hit {place.name} on day {k}, officials said."
            sentence = Sentence(index=k, start=offset, end=offset + len(text), text=text)
            m = offset + text.index(place.name)
            types = tuple(rng.sample(EVENT_TYPES, rng.choice((1, 1, 2))))
            events.append(Event(
                article_id=f"syn-a{a}", place=place, types=types,
                modality=rng.choices(MODALITIES, weights=(85, 5, 5, 5))[0], sentence=sentence,
                mention=Mention(start=m, end=m + len(place.name), surface=place.name),
                event_date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                killed=rng.choice((None, None, 1, 3)),
                quotes=(Quote(text="It was loud", start=0, end=0, speaker="a resident"),)))
            sentences.append(text)
            offset += len(text) + 1
        article = Article(id=f"syn-a{a}", text=" ".join(sentences), title=f"Synthetic report {a}",
                          url=f"https://example.org/{a}", published="2024-12-31", outlet="Bench")
        results.append(ArticleResult(article=article, events=tuple(events)))
    return results


def median_time(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_build(evidence) -> None:
    view = mapview.ViewState()
    rows = mapview.filter_evidence(evidence, view)
    places = mapview.places_summary(rows)
    parts = mapview.map_parts(places)
    print(f"evidence rows {len(evidence)}, after default filter {len(rows)}, places {len(places)}")
    print(f"filter_evidence            {median_time(lambda: mapview.filter_evidence(evidence, view)):.3f} s")
    print(f"places_summary             {median_time(lambda: mapview.places_summary(rows)):.3f} s")
    print(f"map_parts (GeoJSON)        {median_time(lambda: mapview.map_parts(places)):.3f} s")
    print(f"build_map from cached parts + render "
          f"{median_time(lambda: mapview.build_map(parts).get_root().render()):.3f} s")
    print(f"full build (summary+parts+map+render) "
          f"{median_time(lambda: mapview.build_map(mapview.places_summary(rows)).get_root().render()):.3f} s")


def bench_browser(store_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, MAP_IFRAME, start_app, stop_app

    log = store_path.with_suffix(".log")
    proc, url = start_app(store_path, log)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label in ("cold (first session)", "warm (caches filled)"):
                page = browser.new_page(viewport={"width": 1500, "height": 1000})
                page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
                frame = page.frame_locator(MAP_IFRAME)
                t = time.perf_counter()
                page.goto(url)
                expect(frame.locator(".sm-cluster, .sm-pin").first).to_be_visible(timeout=120_000)
                print(f"first marker visible, {label}: {time.perf_counter() - t:.2f} s")
                if label.startswith("cold"):
                    page.close()
            leaflet = page.frame(url=lambda u: "st_folium" in u)
            name = leaflet.evaluate("""() => { let best = null;
                window.map.eachLayer(l => { if (l.feature && (!best || l.feature.properties.e > best.e))
                    best = l.feature.properties; });
                window.map.eachLayer(l => { if (l.feature && l.feature.properties === best)
                    window.map.setView(l.getLatLng(), 12, {animate: false}); });
                return best.n; }""")
            pin = frame.locator(".sm-icon", has=frame.locator(".sm-label", has_text=name)).first
            expect(pin).to_be_visible(timeout=30_000)
            page.wait_for_timeout(1500)  # let the pan's rerun settle before timing the click
            t = time.perf_counter()
            pin.click()
            expect(page.locator(".smp h3")).to_have_text(name, timeout=30_000)
            print(f"click -> quote panel: {time.perf_counter() - t:.2f} s  ({name})")
            before = leaflet.evaluate("() => window.map.__sm_id = 'before'")
            t = time.perf_counter()
            page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Remove Shelling").click()
            expect(page.get_by_label("Selected values").first).not_to_contain_text("Shelling")
            page.wait_for_function(
                """() => { const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
                    const w = f && f.contentWindow; return w && w.map && w.map.__sm_id !== 'before'
                      && w.document.querySelector('.sm-pin, .sm-cluster'); }""", timeout=60_000)
            print(f"filter change -> new map drawn: {time.perf_counter() - t:.2f} s")
            del before
            browser.close()
    finally:
        stop_app(proc)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    from dashboard.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        t = time.perf_counter()
        store = Store(path)
        for result in synthetic_results():
            store.add(result)
        evidence = store.evidence()
        store.close()
        print(f"store filled with {N_EVENTS} synthetic events / {N_PLACES} places in "
              f"{time.perf_counter() - t:.1f} s")
        bench_build(evidence)
        if not args.no_browser:
            bench_browser(path)


if __name__ == "__main__":
    main()
