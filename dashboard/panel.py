"""The quote side panel: for one place, every evidence sentence and quote, traceable to its source.

Article text is hostile input. Every value that came from an article, a gazetteer or a URL goes
through `html.escape` here; the only tags in the output are the ones written in this module, and
only http(s) URLs become links. The page renders the result with `st.html` (DOMPurify as a second
line of defence, no markdown processing of article text).
"""

from __future__ import annotations

import html
import json
import math
from urllib.parse import urlsplit

import pandas as pd

from dashboard.mapview import PRECISION_LABELS, TYPE_STYLE, split_types, type_label

PANEL_CSS = """
<style>
.smp{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:14px;color:#1b2631}
.smp h3{margin:0 0 2px;font-size:20px}
.smp .sub{color:#5d6d7e;font-size:12px;margin-bottom:10px}
.smp .ev{border-left:4px solid #bbb;padding:6px 10px;margin:0 0 12px;background:#f8f9fa;border-radius:4px}
.smp .badge{display:inline-block;padding:1px 7px;margin:0 4px 3px 0;border-radius:10px;color:#fff;
 font-size:11px;font-weight:600}
.smp .mod{background:#fff!important;color:#7b241c;border:1px solid #7b241c}
.smp .sent{margin:4px 0;line-height:1.45}
.smp mark{background:#ffe066;padding:0 2px;border-radius:2px}
.smp .quote{margin:4px 0 4px 8px;padding-left:8px;border-left:2px solid #aab7b8;font-style:italic}
.smp .quote .who{font-style:normal;color:#5d6d7e;font-size:12px}
.smp .src{font-size:12px;color:#5d6d7e;margin-top:4px}
.smp .meta{font-size:12px;color:#34495e}
.smp .more{font-size:12px;color:#5d6d7e;font-style:italic}
</style>
"""


# Evidence blocks one panel draws: a busy city has thousands (60,000 took 42 s to draw), and an analyst
# reads the newest first; the rest are a filter or the CSV away.
PANEL_MAX_EVIDENCE = 200


def esc(value) -> str:
    """Escape anything for HTML text or a quoted attribute; None/NaN become empty."""
    if _missing(value):
        return ""
    return html.escape(str(value), quote=True)


def safe_url(url) -> str | None:
    """The URL if it is plain http(s), else None: `javascript:`, `data:` and friends never become links."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c.isspace() for c in url):
        return url
    return None


def highlighted_sentence(row) -> str:
    """The sentence, escaped, with the place name wrapped in <mark>.

    Mention offsets are article offsets; the place sits at mention_start - sentence_start in the
    sentence. If the offsets don't line up with the surface text, fall back to searching for it.
    """
    sentence = "" if _missing(row.get("sentence")) else str(row.get("sentence"))
    surface = "" if _missing(row.get("surface")) else str(row.get("surface"))
    start = end = None
    try:
        s = int(row["mention_start"]) - int(row["sentence_start"])
        e = int(row["mention_end"]) - int(row["sentence_start"])
        if 0 <= s < e <= len(sentence) and (not surface or sentence[s:e].lower() == surface.lower()):
            start, end = s, e
    except (KeyError, TypeError, ValueError):
        pass
    if start is None and surface:
        found = sentence.lower().find(surface.lower())
        if found >= 0:
            start, end = found, found + len(surface)
    if start is None:
        return esc(sentence)
    return f"{esc(sentence[:start])}<mark>{esc(sentence[start:end])}</mark>{esc(sentence[end:])}"


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _speaker(quote: dict) -> str:
    """"Shamanov, military spokesman"; the role only where the speaker's words do not already say it
    ("Its mayor", not "Its mayor, mayor")."""
    speaker, role = str(quote.get("speaker") or ""), str(quote.get("role") or "")
    return f"{speaker}, {role}" if role and role.lower() not in speaker.lower() else speaker


def parse_quotes(raw) -> list[dict]:
    """The quotes column is a JSON list of {text, speaker, role}; tolerate junk by showing nothing."""
    if _missing(raw) or not raw:
        return []
    try:
        quotes = json.loads(raw) if isinstance(raw, str) else list(raw)
    except (TypeError, ValueError):
        return []
    return [q for q in quotes if isinstance(q, dict) and q.get("text")]


def casualties_text(row) -> str:
    parts = []
    for column, word in (("killed", "killed"), ("injured", "injured")):
        value = row.get(column)
        if not _missing(value):
            parts.append(f"{int(value)} {word}")
    return ", ".join(parts)


def type_badges(types: str, modality: str) -> str:
    badges = []
    for t in split_types(types):
        colour = TYPE_STYLE.get(t, ("#7f8c8d",))[0]
        badges.append(f'<span class="badge" style="background:{colour}">{esc(type_label(t))}</span>')
    if modality and modality != "reported":
        badges.append(f'<span class="badge mod">{esc(modality)}</span>')
    return "".join(badges)


def source_html(row) -> str:
    title = esc(row.get("title")) or "untitled article"
    url = safe_url(row.get("url"))
    link = (f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer nofollow">{title}</a>'
            if url else title)
    bits = [link]
    if not _missing(row.get("outlet")) and row.get("outlet"):
        bits.append(esc(row.get("outlet")))
    if not _missing(row.get("published")) and row.get("published"):
        bits.append(f"published {esc(row.get('published'))}")
    return "Source: " + " · ".join(bits)


def evidence_html(row) -> str:
    colour = TYPE_STYLE.get((split_types(row.get("primary_type")) or ["x"])[0], ("#aab7b8",))[0]
    meta = []
    if not _missing(row.get("event_date")) and row.get("event_date"):
        meta.append(f"Date: {esc(row.get('event_date'))}")
    if casualties := casualties_text(row):
        meta.append(esc(casualties))
    n_sources = row.get("n_sources")
    n = 1 if _missing(n_sources) else int(n_sources)
    meta.append(f"corroborated by {n} source{'s' if n != 1 else ''}" if n > 1 else "single source")
    quotes = "".join(
        f'<div class="quote">“{esc(q.get("text"))}”'
        + (f' <span class="who">— {esc(_speaker(q))}</span>' if q.get("speaker") else "")
        + "</div>"
        for q in parse_quotes(row.get("quotes")))
    return (f'<div class="ev" style="border-left-color:{colour}">'
            f'<div>{type_badges(row.get("types") or "", row.get("modality") or "")}</div>'
            f'<div class="sent">{highlighted_sentence(row)}</div>{quotes}'
            f'<div class="meta">{" · ".join(meta)}</div>'
            f'<div class="src">{source_html(row)}</div></div>')


def place_panel_html(place_rows: pd.DataFrame) -> str:
    """Panel for one place: header, then one block per evidence row (newest event first)."""
    if place_rows.empty:
        return PANEL_CSS + '<div class="smp"><p>No evidence for this place in the current filters.</p></div>'
    first = place_rows.iloc[0]
    precision = int(place_rows["precision"].fillna(3).min())
    where = ", ".join(esc(v) for v in (first.get("admin1"), first.get("country")) if not _missing(v) and v)
    n_events = place_rows["event_id"].nunique()
    n_articles = place_rows["article_id"].nunique()
    head = (f"<h3>{esc(first.get('place_name'))}</h3>"
            f'<div class="sub">{where + " · " if where else ""}'
            f'precision: {PRECISION_LABELS.get(precision, "?")}'
            f" · {n_events} event{'s' if n_events != 1 else ''} from {n_articles} "
            f"article{'s' if n_articles != 1 else ''}</div>")
    ordered = place_rows.sort_values(["event_date", "event_id", "sentence_start"], na_position="last",
                                     ascending=[False, True, True])
    shown = ordered.head(PANEL_MAX_EVIDENCE)
    body = "".join(evidence_html(row) for _, row in shown.iterrows())
    if len(ordered) > len(shown):
        body += (f'<p class="more">Showing the {len(shown)} newest of {len(ordered):,} evidence sentences here. '
                 "Narrow the dates, the types or the articles to read others, or download the CSV for all.</p>")
    return f'{PANEL_CSS}<div class="smp">{head}{body}</div>'
