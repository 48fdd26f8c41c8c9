"""What an analyst should see for reports written the way wires and regional outlets write them
(tests/data/newswire/): a dateline is where the reporter files from, a governor speaks for a region,
a list of regions is a list of regions, an air-raid alert is no strike."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.articles import load_path
from dashboard.pipeline import Pipeline
from dashboard.records import STRIKE_TYPES, Article

NEWSWIRE = Path(__file__).resolve().parent / "data" / "newswire"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture(scope="module")
def read(pipeline):
    cache = {}

    def read(name: str):
        if name not in cache:
            (article,) = load_path(NEWSWIRE / name)
            cache[name] = pipeline.process(article)
        return cache[name]

    return read


def events_at(result, name: str, modality: str = "reported"):
    return [e for e in result.events if e.place.name == name and e.modality == modality]


def strike_sites(result) -> set[str]:
    return {e.place.name for e in result.events if e.modality == "reported" and set(e.types) & STRIKE_TYPES}


def roles(result, surface: str) -> set[str]:
    return {m.role for m in result.mentions if m.mention.surface == surface}


def test_a_wire_dateline_is_where_the_reporter_files_from(read):
    ap = read("ap-sumy.txt")
    assert roles(ap, "KYIV") == {"dateline"}
    assert "Kyiv" not in {e.place.name for e in ap.events}  # the missile fell on Sumy, not on Kyiv
    (sumy,) = [e for e in events_at(ap, "Sumy") if "missile_strike" in e.types]
    assert (sumy.killed, sumy.injured, sumy.event_date) == (34, 117, "2026-11-15")
    gaza = read("gaza.txt")
    assert roles(gaza, "GAZA CITY") == {"dateline"}
    kherson = read("ukrinform-kherson.txt")
    assert roles(kherson, "Kherson") >= {"dateline", "site"}  # the dateline, then the city shelled


def test_a_dateline_place_named_in_the_lead_is_still_a_site(read):
    reuters = read("reuters-kharkiv.txt")
    (kharkiv,) = events_at(reuters, "Kharkiv")
    assert "air_strike" in kharkiv.types and kharkiv.injured == 12
    assert kharkiv.mention.surface == "Kharkiv"  # from "struck Kharkiv", not from the dateline


def test_a_lead_paragraph_is_not_taken_for_a_headline(read):
    gaza = read("gaza.txt")
    assert gaza.article.title == ""
    assert gaza.article.text.startswith("GAZA CITY (Reuters) - Israeli air strikes")


def test_a_region_with_types_of_its_own_stays_a_site_beside_its_towns(read):
    gaza = read("gaza.txt")
    (strip,) = events_at(gaza, "Gaza Strip")
    assert set(strip.types) == {"air_strike", "casualties"} and strip.killed == 27
    rafah = [e for e in gaza.events if e.mention.surface == "Rafah"]
    assert rafah and all(e.types == ("ground_fighting",) and e.killed is None for e in rafah)


def test_an_armed_group_is_no_place(read):
    gaza = read("gaza.txt")
    assert not roles(gaza, "Hamas")
    assert "Jabālyā" in strike_sites(gaza)


def test_talks_and_meetings_are_diplomacy_at_their_venue(read):
    for name, venue in (("gaza.txt", "Cairo"), ("overnight-grid.md", "Paris"), ("ap-sumy.txt", "Saint Petersburg")):
        found = events_at(read(name), venue)
        assert found and all(e.types == ("diplomacy",) for e in found), (name, venue)


def test_moscow_denying_is_not_a_strike_site(read):
    ap = read("ap-sumy.txt")
    assert roles(ap, "Moscow") == {"speaker"}
    assert "Moscow" not in strike_sites(ap)


def test_a_threatened_offensive_is_expected(read):
    ap = read("ap-sumy.txt")
    for city in ("Sumy", "Kharkiv"):
        assert events_at(ap, city, "expected")
    assert "Kharkiv" not in {e.place.name for e in ap.events if e.modality == "reported"}


def test_a_governor_speaks_for_his_region(read):
    reuters = read("reuters-kharkiv.txt")
    belgorod = [m for m in reuters.mentions if m.mention.surface == "Belgorod"]
    assert belgorod and all(m.place.feature == "admin1" and m.place.name == "Belgorod Oblast" for m in belgorod)
    fires = [e for e in events_at(reuters, "Belgorod Oblast") if "a fire broke out" in e.sentence.text]
    assert fires and all(e.place.precision == 3 for e in fires)  # somewhere in the region: mapped as such


def test_the_head_of_a_regional_administration_is_a_speaker_not_a_site(read):
    kherson = read("ukrinform-kherson.txt")
    head = [m for m in kherson.mentions if m.mention.surface == "Kherson" and "Military Administration" in
            kherson.article.text[m.mention.end : m.mention.end + 40]]
    assert head and all(m.role == "speaker" and m.place.feature == "admin1" for m in head)
    grid = read("overnight-grid.md")
    # "The city was hit by eight missiles," said Ivan Fedorov, head of the Zaporizhzhia regional military ...
    assert not [e for e in grid.events if "eight missiles" in e.sentence.text]
    (quote,) = [q for q in grid.quotes if "eight missiles" in q.text]
    assert quote.speaker == "Ivan Fedorov"


def test_a_list_of_regions_names_regions(read):
    grid = read("overnight-grid.md")
    lead = [e for e in grid.events if "hundreds of thousands of homes" in e.sentence.text]
    assert {e.place.name for e in lead} == {"Lviv Oblast", "Ivano-Frankivsk Oblast", "Zaporizhzhia Oblast"}
    assert all(e.place.precision == 3 for e in lead)


def test_every_origin_of_a_list_launched_from_is_an_origin(read):
    grid = read("overnight-grid.md")
    assert roles(grid, "Kursk region") == {"origin"}
    assert roles(grid, "Black Sea") == {"origin"}
    assert not [e for e in grid.events if "shot down" in e.sentence.text]  # no site named: nothing to map


def test_header_lines_after_the_title_are_read(read):
    grid = read("overnight-grid.md")
    assert grid.article.title == "Russia strikes power grid in western and southern Ukraine"
    assert grid.article.published == "2026-11-21" and grid.article.url == "https://example.org/news/grid-strikes"
    assert not grid.article.text.startswith("published")
    assert {e.event_date for e in grid.events} == {"2026-11-21"}


def test_an_air_raid_alert_is_no_strike(read):
    feed = read("feed.txt")
    assert "Kyiv" not in {e.place.name for e in feed.events}
    assert strike_sites(feed) == {"Bila Tserkva", "Novorossiysk"}


def test_a_big_city_keeps_its_name_against_a_village_once_so_called(read):
    feed = read("feed.txt")
    (port,) = [m for m in feed.mentions if m.mention.surface == "Novorossiysk"]
    assert (port.place.country, port.place.admin1) == ("RU", "Krasnodar Krai")


def test_leaving_a_deal_is_no_withdrawal_of_troops(read):
    feed = read("feed.txt")
    assert not [e for e in feed.events if "grain deal" in e.sentence.text]


def test_credits_of_reporters_and_editors_name_no_event(read):
    reuters = read("reuters-kharkiv.txt")
    assert not [e for e in reuters.events if "Reporting by" in e.sentence.text]
    assert {e.place.name for e in reuters.events} >= {"Kharkiv", "Melitopol"}


def test_casualty_counts_go_to_the_place_they_are_given_for(read):
    toll = read("daily-toll.txt")
    counts = {e.place.name: (e.killed, e.injured) for e in toll.events if "casualties" in e.types}
    assert counts["Kostyantynivka"] == (2, None) and counts["Pokrovsk"] == (1, None)  # not two each
    assert counts["Nikopol"] == (1, None)  # "a 54-year-old man was killed"
    # "three people in Kherson and Beryslav": both together, neither alone
    assert counts["Kherson"] == (None, None) and counts["Beryslav"] == (None, None)


def test_a_feed_of_posts_has_no_headline_to_lose(read):
    posts = read("posts.txt")
    assert posts.article.title == "" and posts.article.text.startswith("Kharkiv: explosions")
    assert {"Kharkiv", "Nikopol", "Tuapse", "Pokrovsk direction"} <= strike_sites(posts) | {
        e.place.name for e in posts.events if "ground_fighting" in e.types}


def test_a_city_district_is_placed_in_its_city(read):
    posts = read("posts.txt")
    (kab,) = [e for e in posts.events if "KAB strike" in e.sentence.text]
    assert kab.place.admin1 == "Zaporizhzhia Oblast" and kab.injured == 3  # not Alchevsk, once "Kommunarsk"
    odesa = read("odesa-night.txt")
    (district,) = [m for m in odesa.mentions if m.mention.surface == "Kyivskyi district"]
    assert district.place.name == "Odesa" and district.place.precision == 2  # not Donetsk's Kyivskyi district
    (deaths,) = [e for e in odesa.events if e.killed]
    assert (deaths.place.name, deaths.killed) == ("Odesa", 3)


def test_a_web_page_keeps_the_story_and_its_quote_and_drops_the_page_around_it(read):
    page = read("lviv-page.html")
    assert page.article.published == "2026-11-22" and page.article.url.endswith("/lviv-drones")
    assert {e.place.name for e in page.events} == {"Lviv"}  # no Odesa or Dnipro from the related links
    assert roles(page, "LVIV") == {"dateline"}
    lead = [e for e in page.events if e.sentence.text.startswith("LVIV")]
    assert lead and lead[0].event_date == "2026-11-21"  # "early on Saturday"
    # the mayor's words open the next paragraph
    assert [(q.speaker, q.text) for q in lead[0].quotes] == [("Andriy Sadovyi", "Critical infrastructure was hit")]


_WIRE_WORDS = [
    "KYIV", "Kharkiv", "Odesa", "Lviv", "Belgorod", "Donetsk", "Zaporizhzhia", "Kherson", "Sumy", "Pokrovsk", ",",
    ", Ukraine", " (AP)", " (Reuters)", " —", " -", " –", "Nov 20", "November 20", "Governor", "Gov.", "regional",
    "military administration", "said", "head of the", "and", "or", "the", "regions", "oblasts", "districts",
    "Kyivskyi district", "killed", "two", "one", "people", "in", "injured", "3", "a 54-year-old man was", "was",
    "launched from", "Black Sea", "Kursk region", "met", "President", "air raid alert", "Hamas", "withdrew from",
    "deal", ".", "\n", "\n\n", "“", "”", '"', "загинули", "двоє", "published: 2026-11-20", "title:", "🔴",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WIRE_WORDS), max_size=40).map(" ".join))
def test_wire_like_text_never_crashes_and_every_event_stands_on_its_sentence(pipeline, text):
    result = pipeline.process(Article(id="w", text=text))
    for m in result.mentions:
        assert text[m.mention.start : m.mention.end] == m.mention.surface
    for e in result.events:
        assert text[e.sentence.start : e.sentence.end] == e.sentence.text
        assert e.sentence.start <= e.mention.start < e.mention.end <= e.sentence.end
        assert e.killed is None or ("casualties" in e.types and e.killed >= 0)
        assert e.injured is None or ("casualties" in e.types and e.injured >= 0)


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        # where people flee to or are treated, and the ends of a route, are places passed through
        ("Residents of Kherson fled to Mykolaiv and Odesa after the dam collapse.", {"Kherson"}),
        ("Wounded soldiers from Bakhmut are treated in a hospital in Dnipro.", {"Bakhmut"}),
        ("A train from Kyiv to Przemysl was delayed after strikes on rail infrastructure in Lviv Oblast.",
         {"Lviv Oblast"}),
        # a possessive only locates the place after it
        ("A drone crashed into a residential building in Moscow's Krasnogorsk suburb, injuring one.", {"Krasnogorsk"}),
    ],
)
def test_places_passed_through_or_locating_another_are_no_sites(pipeline, text, sites):
    result = pipeline.process(Article(id="p", text=text, published="2026-11-21"))
    assert {e.place.name for e in result.events if e.modality == "reported"} == sites


def test_a_possessive_locator_leaves_its_casualties_to_the_site(pipeline):
    text = "A drone crashed into a residential building in Moscow's Krasnogorsk suburb, injuring one."
    (event,) = pipeline.process(Article(id="p", text=text)).events
    assert (event.place.name, event.injured) == ("Krasnogorsk", 1)


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        ("Russian forces advanced southwest of Kurakhove, the General Staff said.", "Kurakhove", 2),
        ("Smoke rose over a coal mine to the north of Vuhledar.", "Vuhledar", 2),
        ("Shelling hit an industrial area in the south of Lysychansk.", "Lysychansk", 1),  # a part of the town
    ],
)
def test_a_compass_point_of_a_town_is_near_it(pipeline, text, name, precision):
    (event,) = pipeline.process(Article(id="c", text=text)).events
    assert (event.place.name, event.place.precision) == (name, precision)


def test_the_directions_drones_came_from_are_origins(read):
    """The air force's morning report: "UAVs from the directions: Kursk, Oryol, Millerovo, ..." names where
    they were launched, not where they hit."""
    report = read("air-force.txt")
    for name in ("Voronezh region", "Kursk", "Oryol", "Millerovo", "Primorsko-Akhtarsk"):
        assert roles(report, name) == {"origin"}, name
    assert strike_sites(report) == {"Kharkiv Oblast", "Sumy Oblast", "Dnipropetrovsk Oblast"}


def test_the_general_staffs_daily_report_places_each_village_near_its_direction(read):
    """"Pokrovsk direction: ... near Myrolubivka, Lysivka, Promin and Novotroitske": every village of the list
    is near (precision 2), and in the region of the direction named in its sentence, though the report names
    another direction (Kupiansk, in Kharkiv Oblast) too."""
    report = read("general-staff.txt")
    pokrovsk = [e for e in report.events if e.sentence.text.startswith("Pokrovsk direction")]
    assert {e.place.name for e in pokrovsk} == {"Myroliubivka", "Lysivka", "Promin", "Novotroitske"}
    assert all(e.place.admin1 == "Donetsk Oblast" and e.place.precision == 2 for e in pokrovsk)
    kupiansk = [e for e in report.events if "Kupiansk direction" in e.sentence.text]
    assert {e.place.name for e in kupiansk} == {"Synkivka", "Petropavlivka", "Kruhliakivka"}
    assert all(e.place.admin1 == "Kharkiv Oblast" and e.place.precision == 2 for e in kupiansk)


def test_a_lead_that_speaks_of_the_city_is_about_its_dateline(read):
    """"KHARKIV, Ukraine (AP) — A Russian guided bomb hit an apartment building in the city": no other place
    is named, and "the city" is the dateline's."""
    ap = read("ap-kharkiv.txt")
    (event,) = ap.events
    assert (event.place.name, event.killed, event.injured, event.event_date) == ("Kharkiv", 3, 11, "2026-11-22")
    assert "air_strike" in event.types
