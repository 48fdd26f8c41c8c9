"""Load and normalise articles from text, Markdown, HTML, JSON and JSON-lines files or uploads.

Everything read here is untrusted: files can be empty, binary, huge, in a legacy encoding or
malformed. Each problem becomes an `ArticleError` naming the file and the reason, so a batch can
report it and go on; softer problems (a bad date, one bad JSON line, a duplicate) become warnings
collected in a list the caller passes in, so the ingest report can show them.

Upload names are never used as paths: only their suffix picks the parser, and names shown to the
user are sanitised (`safe_name`).
"""

from __future__ import annotations

import codecs
import email.utils
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dashboard.records import Article

# Stated limits; larger files are refused before being read, so memory stays bounded. An article (or one
# line of a JSON Lines file, which is read a line at a time and has no limit of its own) up to 20 MB; a
# .json collection, which must be parsed whole (a list of articles, a Telegram channel export), up to 256 MB.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
MAX_COLLECTION_BYTES = 256 * 1024 * 1024
_MB = MAX_ARTICLE_BYTES // (1024 * 1024)

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl")
SUPPORTED_SUFFIXES: tuple[str, ...] = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES

# (source label, message) pairs; the caller owns the list.
Warnings = list[tuple[str, str]]


class ArticleError(Exception):
    """An input that yields no article; `source` names the file, `reason` says why."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


# --- names -----------------------------------------------------------------------------------------

_UNSAFE_NAME_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def safe_name(name: str, limit: int = 120) -> str:
    """A name fit to show in a report: the last path component, no control or bidi characters."""
    base = re.split(r"[\\/]", str(name))[-1]
    base = _UNSAFE_NAME_CHARS.sub("", base).strip()
    if base in ("", ".", ".."):
        base = "unnamed"
    return base if len(base) <= limit else base[: limit - 1] + "…"


def display_path(path: Path | str) -> str:
    """A user-given path as shown in reports: unchanged except for control and bidi characters."""
    return _UNSAFE_NAME_CHARS.sub("", str(path)) or "unnamed"


def suffix_of(name: str) -> str:
    """The lower-cased suffix of the last path component ('' when none)."""
    base = re.split(r"[\\/]", str(name))[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""


# --- ids and text ----------------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def article_id(text: str) -> str:
    """Stable id from content: re-ingesting the same text, however its whitespace differs, is a no-op."""
    canonical = " ".join(_nfc(text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


def normalise_text(text: str) -> str:
    """NFC, '\\n' line ends, no control characters, no trailing spaces, at most one blank line in a row.

    Character offsets of later stages point into this text, so it is normalised once, here.
    """
    text = _nfc(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL_CHARS.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _clean_field(value: Any) -> str:
    """A metadata value as one clean line ('' for missing or non-scalar values)."""
    if value is None or isinstance(value, (dict, list, tuple, bool)):
        return ""
    return " ".join(normalise_text(str(value)).split())


# --- dates -----------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_DOTTED_DATE = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*$")
_SLASHED_ISO = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\s*$")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        parsed = date(year, month, day)
    except ValueError:
        return None
    return parsed.isoformat() if 1900 <= parsed.year <= 2100 else None


def parse_date(value: Any) -> str | None:
    """ISO YYYY-MM-DD from the many ways articles write dates; None when it cannot be read.

    Fast exact forms first (ISO, day-first dd.mm.yyyy, RFC 2822), then dateparser for prose in
    many languages ("5 March 2024", "5 березня 2024"). Relative phrases ("yesterday") are refused:
    they have no meaning once the article is stored.
    """
    if isinstance(value, (datetime, date)):
        return _valid(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 80:
        return None
    for pattern, order in ((_ISO_DATE, "ymd"), (_SLASHED_ISO, "ymd"), (_DOTTED_DATE, "dmy")):
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            return _valid(parts["y"], parts["m"], parts["d"])
    try:
        rfc = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        rfc = None
    if rfc is not None:
        return _valid(rfc.year, rfc.month, rfc.day)
    return _parse_prose_date(text)


def _parse_prose_date(text: str) -> str | None:
    if not re.search(r"\d{4}", text):  # a full date names its year; this also refuses "yesterday"
        return None
    try:
        import dateparser  # slow to import; only needed for prose dates
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input; all mean "not a date"
        return None
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None


# --- bytes -> text ---------------------------------------------------------------------------------

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", None),  # only with NUL bytes below; "BZh" can start a text
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(source: str, data: bytes, limit: int = MAX_ARTICLE_BYTES) -> str:
    """Text from bytes: BOMs honoured, UTF-8 preferred, legacy encodings detected; binary refused."""
    if len(data) > limit:
        raise ArticleError(source, _too_big(len(data), limit))
    if not data:
        raise ArticleError(source, "empty file")
    for magic, kind in _MAGIC:
        if kind and data.startswith(magic):
            raise ArticleError(source, f"binary file ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ArticleError(source, f"invalid {encoding.upper()} text: {exc.reason}") from None
    if b"\x00" in data:
        raise ArticleError(source, "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _detect_and_decode(data)
    if text is None:
        raise ArticleError(source, "not text: no character encoding fits these bytes")
    if len(_STRAY_CONTROLS.findall(text)) > len(text) * 0.05:
        raise ArticleError(source, "binary data (control characters), not text")
    return text


_DETECT_SAMPLE = 128 * 1024
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _detect_and_decode(data: bytes) -> str | None:
    """Decode with the encoding charset-normalizer finds; big inputs are detected from a sample
    (detection on all of a 20 MB file takes seconds) and fall back to full detection if the
    sample's encoding does not fit the rest."""
    from charset_normalizer import from_bytes

    if len(data) > 2 * _DETECT_SAMPLE:
        guess = from_bytes(data[:_DETECT_SAMPLE]).best()
        if guess is not None:
            try:
                return data.decode(guess.encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    best = from_bytes(data).best()
    return None if best is None else str(best)


def _too_big(size: int, limit: int = MAX_ARTICLE_BYTES) -> str:
    return f"file is {size / 1024 / 1024:.1f} MB, over the {limit // (1024 * 1024)} MB limit"


def _limit(suffix: str) -> int:
    return MAX_COLLECTION_BYTES if suffix == ".json" else MAX_ARTICLE_BYTES


# --- per-format parsers ----------------------------------------------------------------------------

_HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "source": "outlet",
    "outlet": "outlet",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")


def _split_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Leading `key: value` lines (known keys only), also inside a `---` front-matter block."""
    fields: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() == "---":
                for line in lines[1:end]:
                    match = _HEADER_LINE.match(line)
                    if match and match.group(1).lower() in _HEADER_KEYS:
                        fields[_HEADER_KEYS[match.group(1).lower()]] = match.group(2).strip("\"'")
                return fields, lines[end + 1 :]
    index = 0
    while index < len(lines):
        match = _HEADER_LINE.match(lines[index])
        key = match.group(1).lower() if match else ""
        if key not in _HEADER_KEYS or _HEADER_KEYS[key] in fields:
            break
        fields[_HEADER_KEYS[key]] = match.group(2)
        index += 1
    return fields, lines[index:]


def _post(line: str) -> bool:
    """A line that reads like one post of a feed: short, and no header line."""
    match = _HEADER_LINE.match(line)
    return 0 < len(line.strip()) <= 200 and not (match and match.group(1).lower() in _HEADER_KEYS)


def _take_title(lines: list[str], markdown: bool) -> tuple[str, list[str]]:
    """First non-empty line is a title when it ends without a full stop and a blank line follows it or it
    is short; the body must not be empty afterwards. A first paragraph that ends with a full stop is the
    story's lead ("KYIV, Ukraine (AP) — A Russian missile ... said."), which the text must keep; and the
    first of several short lines in a row is a feed's first post ("Kharkiv: explosions heard\nMissile
    threat for Dnipro\n..."), not its headline."""
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return "", lines
    first = lines[start].strip()
    rest = lines[start + 1 :]
    if not any(line.strip() for line in rest):
        return "", lines
    heading = markdown and first.startswith("#")
    candidate = first.lstrip("#").strip() if heading else first
    blank_follows = bool(rest) and not rest[0].strip()
    short_unstopped = len(candidate) <= 150 and not candidate.endswith((".", "!", "?", "…", ",", ";", ":"))
    if heading or (blank_follows and len(candidate) <= 300 and not candidate.endswith(".")):
        return candidate, rest
    if short_unstopped and not (len(rest) > 1 and all(_post(line) for line in rest[:2])):
        return candidate, rest
    return "", lines


def _parse_text(source: str, text: str, markdown: bool) -> list[dict[str, Any]]:
    lines = normalise_text(text).split("\n")
    fields, body_lines = _split_header(lines)
    if not fields.get("title"):
        fields["title"], body_lines = _take_title(body_lines, markdown)
        if fields["title"]:  # the header may follow the title ("Strikes on Odesa\npublished: 2026-11-20\n...")
            more, body_lines = _split_header(body_lines)
            fields = {**more, **fields}
    fields["text"] = "\n".join(body_lines)
    return [fields]


def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "max_file_size", str(MAX_ARTICLE_BYTES))
    config.set("DEFAULT", "min_extracted_size", "1")
    config.set("DEFAULT", "extraction_timeout", "0")  # no SIGALRM: we run in Streamlit's threads
    return config


def _parse_html(source: str, text: str) -> list[dict[str, Any]]:
    """Main text and metadata via trafilatura; its baseline extractor when the main pass finds nothing."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
            config=_trafilatura_config(),
        )
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        raise ArticleError(source, f"malformed HTML ({type(exc).__name__})") from None
    meta = document.as_dict() if document is not None else {}
    body = meta.get("text") or ""
    if not body.strip():
        try:
            body = trafilatura.baseline(text)[1]
        except Exception:  # noqa: BLE001 - a fallback; its failure only means no text
            body = ""
    if not body.strip():
        raise ArticleError(source, "no article text found in the HTML")
    return [
        {
            "text": body,
            "title": meta.get("title") or "",
            "url": meta.get("url") or "",
            "published": meta.get("date") or "",
            "outlet": meta.get("sitename") or "",
        }
    ]


def _record_fields(item: dict[str, Any]) -> dict[str, Any]:
    outlet = item.get("outlet") or item.get("source") or ""
    if isinstance(outlet, dict):  # e.g. {"id": ..., "name": "Reuters"}
        outlet = outlet.get("name") or ""
    return {
        "text": item.get("text"),
        "title": item.get("title") or item.get("headline") or "",
        "url": item.get("url") or item.get("link") or "",
        "published": item.get("published") or item.get("date") or item.get("published_at") or "",
        "outlet": outlet,
    }


def _usable(item: Any) -> str | None:
    """Why a JSON item is not an article, or None when it is."""
    if not isinstance(item, dict):
        return f"not an object ({type(item).__name__})"
    text = item.get("text")
    if not isinstance(text, str):
        return "missing 'text'" if text is None else "'text' is not a string"
    if not text.strip():
        return "'text' is empty"
    return None


def _parse_json(source: str, text: str, warnings: Warnings) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(source, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise ArticleError(source, "malformed JSON: nested too deeply") from None
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        return _telegram_records(source, data)
    items = data if isinstance(data, list) else [data]
    records = []
    for number, item in enumerate(items, 1):
        problem = _usable(item)
        where = f"item {number}" if isinstance(data, list) else "object"
        if problem:
            warnings.append((source, f"{where} skipped: {problem}"))
        else:
            records.append({**_record_fields(item), "_where": where})
    if not records:
        raise ArticleError(source, "no article with a 'text' field")
    return records


def _telegram_text(text: Any) -> str:
    """A Telegram export's message text: a string, or a list of strings and entities ({"type": "bold",
    "text": "Kupiansk: "}) that together make the text."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(p if isinstance(p, str) else str(p.get("text") or "") if isinstance(p, dict) else ""
                       for p in text)
    return ""


def _telegram_records(source: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    """A channel exported by Telegram Desktop (result.json): each message with text is an article, dated by
    the message, from the channel as outlet (regional administrations and the air force post there first)."""
    channel = data.get("name") if isinstance(data.get("name"), str) else ""
    records = []
    for message in data["messages"]:
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue  # service messages: pins, joins, title changes
        text = _telegram_text(message.get("text"))
        if not text.strip():
            continue  # a photo or a sticker without a caption
        date = message.get("date") if isinstance(message.get("date"), str) else ""
        records.append({"text": text, "title": "", "url": "", "published": date, "outlet": channel,
                        "_where": f"message {message.get('id', len(records) + 1)}"})
    if not records:
        raise ArticleError(source, "a Telegram export with no message that has text")
    return records


def _parse_jsonl(source: str, text: str, warnings: Warnings) -> list[dict[str, Any]]:
    records = [r for n, line in enumerate(text.splitlines(), 1) if (r := _jsonl_record(source, n, line, warnings))]
    if not records:
        raise ArticleError(source, "no article with a 'text' field")
    return records


def _jsonl_record(source: str, number: int, line: str, warnings: Warnings) -> dict[str, Any] | None:
    """The record on line `number`, or None (with a warning unless the line is blank)."""
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        warnings.append((source, f"line {number} skipped: malformed JSON ({exc.msg})"))
        return None
    except RecursionError:
        warnings.append((source, f"line {number} skipped: JSON nested too deeply"))
        return None
    problem = _usable(item)
    if problem:
        warnings.append((source, f"line {number} skipped: {problem}"))
        return None
    return {**_record_fields(item), "_where": f"line {number}"}


def iter_jsonl(path: Path, warnings: Warnings) -> Iterator[Article]:
    """The articles of a JSON Lines file, read a line at a time: an archive of any size is ingested in
    bounded memory. Bad lines (malformed, not UTF-8, over the article limit) are warnings; a file that
    yields no article at all raises ArticleError once read."""
    path = Path(path)
    source = display_path(path)
    _check_suffix(source, path.suffix.lower())
    _regular_file(path, source)
    seen: dict[str, str] = {}
    found = False
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(_bounded_lines(handle), 1):
                if raw is None:
                    warnings.append((source, f"line {number} skipped: over the {_MB} MB limit of one article"))
                    continue
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    warnings.append((source, f"line {number} skipped: not UTF-8 text"))
                    continue
                record = _jsonl_record(source, number, line, warnings)
                article = (_record_article(source, source, record, normalise_text(record["text"]), seen, warnings)
                           if record else None)
                if article is not None:
                    found = True
                    yield article
    except OSError as exc:
        raise ArticleError(source, f"cannot read: {exc.strerror or exc}") from None
    if not found:
        raise ArticleError(source, "no article with a 'text' field")


def _bounded_lines(handle) -> Iterator[bytes | None]:
    """The lines of a binary file; None for a line over MAX_ARTICLE_BYTES, which is skipped unread."""
    while True:
        line = handle.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # the rest of the long line, a chunk at a time
                line = handle.readline(MAX_ARTICLE_BYTES)
            yield None
        else:
            yield line


# --- records -> articles ---------------------------------------------------------------------------


def _to_articles(source: str, path: str, records: list[dict[str, Any]], warnings: Warnings) -> list[Article]:
    seen: dict[str, str] = {}
    articles = []
    for record in records:
        text = normalise_text(record["text"])
        if not text and len(records) == 1:
            raise ArticleError(source, "no text (only whitespace or a title)")
        if (article := _record_article(source, path, record, text, seen, warnings)) is not None:
            articles.append(article)
    if not articles:
        raise ArticleError(source, "no article text")
    return articles


def _record_article(source: str, path: str, record: dict[str, Any], text: str, seen: dict[str, str],
                    warnings: Warnings) -> Article | None:
    """One record's article (`text`: its text, normalised), or None (with a warning) for no text or a text
    `seen` earlier in the file."""
    where = record.get("_where", "")
    label = f"{where} " if where else ""
    if not text:
        warnings.append((source, f"{label}skipped: no text"))
        return None
    ident = article_id(text)
    if ident in seen:
        warnings.append((source, f"{label}skipped: duplicate of {seen[ident] or 'an earlier article'}"))
        return None
    seen[ident] = where
    raw_date = _clean_field(record.get("published"))
    published = parse_date(raw_date) if raw_date else None
    if raw_date and published is None:
        warnings.append((source, f"{label}bad date {raw_date[:60]!r} ignored"))
    return Article(
        id=ident,
        text=text,
        title=_clean_field(record.get("title")),
        url=_clean_field(record.get("url")),
        published=published,
        outlet=_clean_field(record.get("outlet")),
        path=path,
    )


def _parse(source: str, suffix: str, text: str, warnings: Warnings) -> list[dict[str, Any]]:
    if not text.strip():
        raise ArticleError(source, "file holds only whitespace")
    if suffix in TEXT_SUFFIXES:
        return _parse_text(source, text, markdown=suffix == ".md")
    if suffix in HTML_SUFFIXES:
        return _parse_html(source, text)
    if suffix == ".json":
        return _parse_json(source, text, warnings)
    return _parse_jsonl(source, text, warnings)


def _check_suffix(source: str, suffix: str) -> None:
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "none"
        raise ArticleError(
            source, f"unsupported file type (suffix {shown}; supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )


def load_bytes(name: str, data: bytes, warnings: Warnings | None = None) -> list[Article]:
    """Articles from an upload. `name` only picks the parser by its suffix; it is never opened.

    Soft problems are appended to `warnings` as (name, message) when a list is given.
    """
    source = safe_name(name)
    sink: Warnings = warnings if warnings is not None else []
    suffix = suffix_of(name)
    _check_suffix(source, suffix)
    text = decode_bytes(source, bytes(data), MAX_COLLECTION_BYTES if suffix in JSON_SUFFIXES else MAX_ARTICLE_BYTES)
    return _to_articles(source, source, _parse(source, suffix, text, sink), sink)


def parse_text(text: str, title: str = "", source: str = "pasted text", warnings: Warnings | None = None):
    """Articles from pasted text, read like a .txt file; an explicit `title` wins over the heuristic."""
    sink: Warnings = warnings if warnings is not None else []
    records = _parse(source, ".txt", text, sink)
    if title.strip():
        records = [{**records[0], "title": title, "text": normalise_text(text)}]
    return _to_articles(source, "", records, sink)


def _regular_file(path: Path, source: str) -> os.stat_result:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArticleError(source, "no such file or directory") from None
    except OSError as exc:
        raise ArticleError(source, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(source, "is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(source, "not a regular file")
    return info


def read_limited(path: Path, source: str | None = None, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """A regular file's bytes, refusing before reading when it is over `limit`."""
    source = source or display_path(path)
    info = _regular_file(path, source)
    if info.st_size > limit:
        raise ArticleError(source, _too_big(info.st_size, limit))
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # bounded even if the file grew meanwhile
    except OSError as exc:
        raise ArticleError(source, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise ArticleError(source, _too_big(len(data), limit))
    return data


def load_path(path: Path, warnings: Warnings | None = None) -> list[Article]:
    """Articles from one file; raises ArticleError naming the file when it yields none."""
    path = Path(path)
    source = display_path(path)
    sink: Warnings = warnings if warnings is not None else []
    suffix = path.suffix.lower()
    _check_suffix(source, suffix)
    if suffix == ".jsonl":
        return list(iter_jsonl(path, sink))
    text = decode_bytes(source, read_limited(path, source, _limit(suffix)), _limit(suffix))
    return _to_articles(source, source, _parse(source, suffix, text, sink), sink)


def collect_files(paths: Iterable[Path]) -> list[Path | ArticleError]:
    """Files to load, in order: files as given, folders walked (sorted, supported suffixes,
    hidden entries skipped, symlinked folders not followed); each file once."""
    found: list[Path | ArticleError] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for folder, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and suffix_of(name) in SUPPORTED_SUFFIXES:
                        add(Path(folder) / name)
        elif path.exists() or path.is_symlink():
            add(path)
        else:
            found.append(ArticleError(display_path(path), "no such file or directory"))
    return found


def iter_paths(
    paths: Iterable[Path], warnings: Warnings | None = None
) -> Iterator[tuple[str, list[Article] | ArticleError]]:
    """(file name, articles or the error) for every file under `paths`; errors do not stop the batch."""
    for item in collect_files(paths):
        if isinstance(item, ArticleError):
            yield item.source, item
            continue
        try:
            yield display_path(item), load_path(item, warnings)
        except ArticleError as exc:
            yield display_path(item), exc
