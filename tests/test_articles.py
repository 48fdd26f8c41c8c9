"""Article loading: every format, hostile input, encodings, dates, and property tests."""

from __future__ import annotations

import codecs
import json
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.articles import (
    MAX_ARTICLE_BYTES,
    MAX_COLLECTION_BYTES,
    SUPPORTED_SUFFIXES,
    ArticleError,
    article_id,
    iter_paths,
    load_bytes,
    load_path,
    normalise_text,
    parse_date,
    parse_text,
    safe_name,
)

SEED = Path(__file__).parent.parent / "seeds" / "ukraine-energy-strikes.txt"
UKRAINIAN = (
    "Київ, 5 березня 2024 року. Російські війська завдали ракетного удару по енергетичній "
    "інфраструктурі міста. Загинули двоє людей, ще п'ятеро поранені. Мер повідомив про пошкодження."
)
RUSSIAN = (
    "Харьков, 5 марта 2024 года. Российские войска нанесли ракетный удар по энергетической "
    "инфраструктуре города. Погибли два человека, ещё пятеро ранены. Мэр сообщил о разрушениях."
)


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- formats ---------------------------------------------------------------------------------------


def test_seed_article_title_and_text():
    (article,) = load_path(SEED)
    assert article.title.startswith("Russia launches worst wave of airstrikes")
    assert article.text.startswith("Russia has launched a new wave of airstrikes against Ukraine.")
    assert "Kharkiv, the second largest city" in article.text
    assert article.path == str(SEED) and article.id == article_id(article.text)


def test_txt_header_lines(tmp_path):
    path = _write(tmp_path, "a.txt", "title: Strikes on Odesa\nurl: https://example.org/x\npublished: 3 March 2024\n"
                                     "source: Kyiv Independent\n\nDrones hit Odesa overnight.\n")  # fmt: skip
    (article,) = load_path(path)
    assert (article.title, article.url, article.published, article.outlet) == (
        "Strikes on Odesa", "https://example.org/x", "2024-03-03", "Kyiv Independent")  # fmt: skip
    assert article.text == "Drones hit Odesa overnight."


def test_txt_header_lines_after_the_title(tmp_path):
    path = _write(tmp_path, "a.md", "Strikes on Odesa\npublished: 2024-03-03\nurl: https://example.org/x\n\n"
                                    "Drones hit Odesa overnight.\nSource: a local channel.\n")  # fmt: skip
    (article,) = load_path(path)
    assert (article.title, article.url, article.published) == (
        "Strikes on Odesa", "https://example.org/x", "2024-03-03")  # fmt: skip
    assert article.text == "Drones hit Odesa overnight.\nSource: a local channel."  # only leading lines are header


def test_txt_unknown_key_is_text_not_header(tmp_path):
    (article,) = load_path(_write(tmp_path, "a.txt", "Kyiv: explosions heard in the night.\nMore follows here."))
    assert article.title == "" and article.text.startswith("Kyiv: explosions")


@pytest.mark.parametrize(
    ("content", "title", "text_start"),
    [
        ("Headline here\n\nBody sentence.", "Headline here", "Body sentence."),
        ("Short headline without stop\nBody sentence.", "Short headline without stop", "Body sentence."),
        ("A first sentence that ends.\nA second one.", "", "A first sentence that ends."),
        ("Only one paragraph, no title", "", "Only one paragraph, no title"),
        ("\n\n  Headline after blank lines  \n\nBody.", "Headline after blank lines", "Body."),
        # a wire story's lead paragraph, a blank line after it, is the text's start and no headline
        ("KYIV (AP) — Missiles hit Kyiv overnight, officials said.\n\nMore.", "", "KYIV (AP) — Missiles hit"),
    ],
)
def test_txt_title_rules(tmp_path, content, title, text_start):
    (article,) = load_path(_write(tmp_path, "a.txt", content))
    assert article.title == title and article.text.startswith(text_start)


def test_markdown_heading_and_front_matter(tmp_path):
    md = "---\ntitle: \"From front matter\"\ndate: 2024-02-01\n---\n# Not the title now\n\nBody text.\n"
    (article,) = load_path(_write(tmp_path, "a.md", md))
    assert article.title == "From front matter" and article.published == "2024-02-01"
    (plain,) = load_path(_write(tmp_path, "b.md", "## Missile hits Dnipro\nBody text."))
    assert plain.title == "Missile hits Dnipro" and plain.text == "Body text."


HTML = """<!doctype html><html><head><title>Strike on Lviv | News</title>
<meta property="og:title" content="Strike on Lviv">
<meta property="og:url" content="https://news.example/lviv">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<meta property="og:site_name" content="Example News">
<style>.x{color:red}</style><script>var secret = "do not index";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Strike on Lviv</h1>
<p>A missile hit an energy facility in Lviv early on Tuesday, the regional governor said.</p>
<p>“The city is without power,” he wrote on Telegram. Київ також атакували.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    (article,) = load_path(_write(tmp_path, "a.html", HTML))
    assert "A missile hit an energy facility in Lviv" in article.text
    assert "Київ також атакували." in article.text
    assert "do not index" not in article.text and "color:red" not in article.text
    assert article.title == "Strike on Lviv"
    assert article.url == "https://news.example/lviv"
    assert article.published == "2024-03-05"


def test_malformed_html_still_yields_text(tmp_path):
    broken = "<html><body><div><p>Shelling hit Kherson on <b>Monday</p></div></span><p>Second <i>para"
    (article,) = load_path(_write(tmp_path, "a.htm", broken))
    assert "Shelling hit Kherson" in article.text


def test_html_without_text_is_an_error(tmp_path):
    with pytest.raises(ArticleError, match="no article text"):
        load_path(_write(tmp_path, "a.html", "<html><head><script>x()</script></head><body></body></html>"))


def test_telegram_channel_export(tmp_path):
    """Telegram Desktop's result.json: a message with text is an article, its entities joined, dated by the
    message, from the channel; pins and captionless photos are no articles."""
    export = {"name": "Kharkiv Regional Military Administration", "type": "public_channel", "messages": [
        {"id": 1, "type": "message", "date": "2026-11-20T06:12:41", "text": "Drones struck Kharkiv overnight."},
        {"id": 2, "type": "message", "date": "2026-11-20T09:30:00",
         "text": [{"type": "bold", "text": "Kupiansk: "}, "shelling damaged a school."]},
        {"id": 3, "type": "service", "date": "2026-11-20T10:00:00", "action": "pin_message", "text": ""},
        {"id": 4, "type": "message", "date": "2026-11-20T11:00:00", "photo": "photos/1.jpg", "text": ""},
    ]}  # fmt: skip
    articles = load_path(_write(tmp_path, "result.json", json.dumps(export, ensure_ascii=False)))
    assert [a.text for a in articles] == ["Drones struck Kharkiv overnight.", "Kupiansk: shelling damaged a school."]
    assert {(a.published, a.outlet) for a in articles} == {("2026-11-20", "Kharkiv Regional Military Administration")}
    empty = {"name": "Quiet", "messages": [{"id": 1, "type": "message", "text": ""}]}
    with pytest.raises(ArticleError, match="Telegram export with no message"):
        load_path(_write(tmp_path, "quiet.json", json.dumps(empty)))


def test_json_object_and_list(tmp_path):
    one = {"text": "Shelling in Kherson.", "title": "T", "url": "u", "published": "05.03.2024", "source": "S",
           "id": "theirs"}  # fmt: skip
    (article,) = load_path(_write(tmp_path, "a.json", json.dumps(one)))
    assert (article.title, article.url, article.published, article.outlet) == ("T", "u", "2024-03-05", "S")
    assert article.id == article_id("Shelling in Kherson.")  # content-based, not theirs
    many = [{"text": "First."}, {"title": "no text"}, {"text": "Second.", "source": {"name": "Reuters"}}, 7]
    warnings: list = []
    articles = load_path(_write(tmp_path, "b.json", json.dumps(many)), warnings)
    assert [a.text for a in articles] == ["First.", "Second."] and articles[1].outlet == "Reuters"
    assert [m for _, m in warnings] == ["item 2 skipped: missing 'text'", "item 4 skipped: not an object (int)"]


def test_jsonl_bad_lines_reported_others_kept(tmp_path):
    lines = [
        json.dumps({"text": "Drones over Sumy.", "published": "xyz"}),
        json.dumps({"title": "no text here"}),
        "{not json",
        "",
        json.dumps({"text": "Drones over Sumy."}),
        json.dumps({"text": UKRAINIAN, "published": "5 березня 2024"}, ensure_ascii=False),
    ]
    warnings: list = []
    articles = load_path(_write(tmp_path, "feed.jsonl", "\n".join(lines)), warnings)
    assert [a.text for a in articles] == ["Drones over Sumy.", UKRAINIAN]
    assert articles[0].published is None and articles[1].published == "2024-03-05"
    messages = [m for source, m in warnings if source.endswith("feed.jsonl")]
    assert "line 2 skipped: missing 'text'" in messages
    assert any(m.startswith("line 3 skipped: malformed JSON") for m in messages)
    assert "line 5 skipped: duplicate of line 1" in messages
    assert "line 1 bad date 'xyz' ignored" in messages


# --- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:10:00+02:00", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("05.03.2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("5 березня 2024", "2024-03-05"),
        ("5 марта 2024 г.", "2024-03-05"),
        ("xyz", None),
        ("yesterday", None),
        ("31.02.2024", None),
        ("2024-13-01", None),
        ("", None),
        (None, None),
        (20240305, None),
    ],
)
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


def test_bad_date_is_a_warning_naming_the_file(tmp_path):
    warnings: list = []
    (article,) = load_path(_write(tmp_path, "f.txt", "published: sometime soon\n\nBody."), warnings)
    assert article.published is None
    assert warnings == [(str(tmp_path / "f.txt"), "bad date 'sometime soon' ignored")]


# --- encodings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (UKRAINIAN, "cp1251"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        ("Le maire de Genève a déclaré que la situation à Zürich était très grave après l'attaque.", "latin-1"),
        (UKRAINIAN, "utf-8"),
        (UKRAINIAN, "utf-8-sig"),
        (UKRAINIAN, "utf-16"),  # with BOM
        (UKRAINIAN, "utf-16-be-bom"),
    ],
)
def test_encodings_decode_to_the_same_text(text, encoding):
    data = codecs.BOM_UTF16_BE + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    (article,) = load_bytes("a.txt", data)
    assert article.text == text


# --- hostile input ---------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n  ", "only whitespace"),
        ("image.txt", PNG, "binary file (a PNG image)"),
        ("image.json", PNG, "binary file (a PNG image)"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        ("nul.txt", b"text\x00with\x00nuls", "NUL bytes"),
        ("broken.json", b'{"text": "unterminated', "malformed JSON at line 1"),
        ("list.json", b"[1, 2, 3]", "no article with a 'text' field"),
        ("deep.json", b"[" * 100_000, "malformed JSON"),
        ("lines.jsonl", b'{"title": "x"}\n{"text": ""}\n', "no article with a 'text' field"),
        ("header-only.txt", b"title: Just a title\nurl: https://x\n", "no text"),
        ("script.exe", b"MZ", "unsupported file type (suffix '.exe'"),
        ("../../etc/passwd", b"root:x:0:0", "unsupported file type (suffix none"),
    ],
)
def test_bad_uploads_give_clear_errors(name, data, reason):
    with pytest.raises(ArticleError) as caught:
        load_bytes(name, data)
    assert reason in caught.value.reason
    assert str(caught.value) == f"{caught.value.source}: {caught.value.reason}"
    assert "/" not in caught.value.source


def test_upload_names_are_never_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (article,) = load_bytes("../../etc/passwd.txt", b"Explosions in Kyiv.")
    assert article.text == "Explosions in Kyiv." and article.path == "passwd.txt"
    assert safe_name("..\\..\\evil\u202e\x1btxt.json") == "eviltxt.json"
    assert safe_name("../..") == "unnamed"


def test_too_big_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 100 MB that take no disk space
        handle.truncate(100 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(ArticleError, match=r"file is 100\.0 MB, over the 20 MB limit"):
            load_path(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024  # nothing near the file's size was read
    with pytest.raises(ArticleError, match="over the 20 MB limit"):
        load_bytes("big.txt", b"a" * (MAX_ARTICLE_BYTES + 1))


def test_collections_have_a_limit_of_their_own(tmp_path):
    """A .json list or channel export is parsed whole, so it may be bigger than one article (up to its own
    limit, refused before reading beyond it); a .jsonl archive is read a line at a time, with no limit."""
    filler = "Shelling in Kherson. " * 50_000  # about 1 MB an article
    records = [{"text": f"{n}: {filler}"} for n in range(22)]
    path = _write(tmp_path, "list.json", json.dumps(records))
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    assert len(load_path(path)) == 22
    lines = _write(tmp_path, "list.jsonl", "\n".join(json.dumps(r) for r in records))
    assert len(load_path(lines)) == 22
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(MAX_COLLECTION_BYTES + 1)
    with pytest.raises(ArticleError, match="over the 256 MB limit"):
        load_path(huge)


def test_missing_and_special_paths(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_path(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a directory"):
        load_path(_dir(tmp_path / "dir.txt"))
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        with pytest.raises(ArticleError, match="not a regular file"):
            load_path(tmp_path / "pipe.txt")


def _dir(path: Path) -> Path:
    path.mkdir()
    return path


def test_iter_paths_walks_folders_and_goes_on_after_errors(tmp_path):
    _write(tmp_path, "b.txt", "Second file body.")
    _write(tmp_path, "sub/a.md", "First file body.")
    _write(tmp_path, "sub/skip.csv", "ignored,in,folders")
    _write(tmp_path, ".hidden/c.txt", "hidden")
    _write(tmp_path, "sub/empty.json", "")
    _write(tmp_path, "notes.csv", "explicit")
    items = list(iter_paths([tmp_path, tmp_path / "missing.txt", tmp_path / "b.txt", tmp_path / "notes.csv"]))
    names = [Path(name).name for name, _ in items]
    assert names == ["b.txt", "a.md", "empty.json", "missing.txt", "notes.csv"]  # b.txt once
    outcome = {Path(name).name: value for name, value in items}
    assert [a.text for a in outcome["b.txt"]] == ["Second file body."]
    assert isinstance(outcome["empty.json"], ArticleError) and outcome["empty.json"].reason == "empty file"
    assert outcome["missing.txt"].reason == "no such file or directory"
    assert "unsupported file type" in outcome["notes.csv"].reason


def test_article_id_is_stable_across_whitespace_and_normalisation():
    assert article_id("Kyiv  was\nhit.") == article_id(" Kyiv was hit. ")
    assert article_id("Kyiv was hit.") != article_id("Kyiv was hit!")
    assert article_id("Ки\u0306їв") == article_id("К\u0439їв")  # decomposed й == composed й
    assert len(article_id("x")) == 16


def test_parse_text_with_and_without_title():
    (pasted,) = parse_text("Headline\n\nBody of the pasted text.")
    assert (pasted.title, pasted.text) == ("Headline", "Body of the pasted text.")
    (titled,) = parse_text("Headline\n\nBody.", title="Given")
    assert (titled.title, titled.text) == ("Given", "Headline\n\nBody.")
    with pytest.raises(ArticleError, match="whitespace"):
        parse_text("   ")


# --- properties ------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SUPPORTED_SUFFIXES + (".csv", "")), st.binary(max_size=300))
def test_arbitrary_bytes_only_raise_article_error(suffix, data):
    try:
        articles = load_bytes(f"upload{suffix}", data)
    except ArticleError as exc:
        assert exc.reason and exc.source == f"upload{suffix}"
    else:
        assert articles and all(a.text and a.id == article_id(a.text) for a in articles)


_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200)


@settings(max_examples=200, deadline=None)
@given(_text)
def test_json_text_round_trips(text):
    normal = normalise_text(text)
    data = json.dumps({"text": text}).encode()
    if not normal:
        with pytest.raises(ArticleError):
            load_bytes("a.json", data)
        return
    (article,) = load_bytes("a.json", data)
    assert article.text == normal
    assert normalise_text(article.text) == article.text  # normalising is idempotent


@settings(max_examples=200, deadline=None)
@given(_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_titled_txt_round_trips(body, encoding):
    body = normalise_text(body)
    if not body or ":" in body.split("\n")[0]:
        return
    (article,) = load_bytes("a.txt", f"title: A title\n\n{body}\n".encode(encoding))
    assert (article.title, article.text) == ("A title", body)
