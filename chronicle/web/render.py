"""HTML pieces built in Python: an article's text with its findings marked, and the SVG charts.

Every piece of article text goes through ``markupsafe.escape`` before it is wrapped in markup,
so an article containing ``<script>`` shows as text. Findings may overlap (a date inside a
quote, a speaker inside a mixed quote), so the text is cut at every start and end into segments,
each carrying the classes of the findings covering it: valid HTML whatever the overlaps.
"""
from __future__ import annotations

import datetime as dt
from html import escape as esc

from markupsafe import Markup, escape

# One colour per series; statements in blues, cooperative events in greens, conflictual in reds.
COLOURS = {
    "said:direct": "#1f4e9c", "said:mixed": "#4a7fd1", "said:indirect": "#8db3ea",
    "event:AGREE": "#1b7837", "event:CONSULT": "#5aae61", "event:SUPPORT": "#7fbf7b",
    "event:CONCEDE": "#a6dba0", "event:COOPERATE": "#2e8b57", "event:AID": "#66c2a4",
    "event:RETREAT": "#b8e186", "event:REQUEST": "#e6c229",
    "event:ACCUSE": "#f4a582", "event:REJECT": "#d6604d", "event:THREATEN": "#b2182b",
    "event:PROTEST": "#e08214", "event:SANCTION": "#8c510a", "event:MOBILIZE": "#c51b7d",
    "event:COERCE": "#762a83", "event:ASSAULT": "#67001f",
}
SERIES_ORDER = list(COLOURS)


def series_label(key: str) -> str:
    what, typ = key.split(":", 1)
    return f"{typ} quote" if what == "said" else typ


# --- annotated article text -----------------------------------------------------------------------

class _Mark:
    """One finding's stretch of text and what it contributes to the segments it covers."""

    __slots__ = ("start", "end", "cls", "title", "quote", "link", "sup")

    def __init__(self, start, end, cls, title=None, quote=None, link=None, sup=None):
        self.start, self.end, self.cls, self.title = start, end, cls, title
        self.quote, self.link, self.sup = quote, link, sup


def annotate(text: str, quotes: list[dict], timexes: list[dict], mentions: list[dict],
             actor_url) -> Markup:
    """The article's text as HTML: quotes highlighted (anchor ``q{idx}``), cue and speaker
    marked, time expressions with their normalized value, actor mentions linked.

    Every piece of text and every attribute value goes through ``html.escape`` (quotes too).
    """
    n = len(text)
    marks: list[_Mark] = []
    for q in quotes:
        s, e = q["content_start"], q["content_end"]
        if 0 <= s < e <= n:
            marks.append(_Mark(s, e, f"quote quote-{esc(q['kind'])}", quote=q["idx"]))
        if q.get("cue") and q.get("cue_start") is not None and 0 <= q["cue_start"] < n:
            cs = q["cue_start"]
            marks.append(_Mark(cs, min(n, cs + len(q["cue"])), "cue", title="cue"))
        if q.get("speaker") and q.get("speaker_start") is not None and 0 <= q["speaker_start"] < n:
            ss = q["speaker_start"]
            who = q.get("speaker_name") or q["speaker"]
            marks.append(_Mark(ss, min(n, ss + len(q["speaker"])), "speaker", title=f"speaker: {who}"))
    for t in timexes:
        if 0 <= t["start"] < t["end"] <= n:
            value = t["value"] + (f" {t['mod']}" if t.get("mod") else "")
            marks.append(_Mark(t["start"], t["end"], "timex", title=f"{t['type']} = {t['value']}",
                               sup=f'<sup class="timex-value">{esc(value)}</sup>'))
    for m in mentions:
        if 0 <= m["start"] < m["end"] <= n:
            marks.append(_Mark(m["start"], m["end"], "mention", link=esc(actor_url(m["actor_id"]))))
    marks = [mk for mk in marks if mk.start < mk.end]
    cuts = sorted({0, n, *(mk.start for mk in marks), *(mk.end for mk in marks)})
    starts: dict[int, list[_Mark]] = {}
    for mk in marks:
        starts.setdefault(mk.start, []).append(mk)
    active: list[_Mark] = []
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [mk for mk in active if mk.end > a]
        if a in starts:
            active += starts[a]
        piece = esc(text[a:b])
        if not active:
            out.append(piece)
            continue
        classes, titles, sups = [], [], []
        anchor = quote = link = None
        for mk in active:
            classes.append(mk.cls)
            if mk.title:
                titles.append(mk.title)
            if mk.quote is not None:
                if quote is None:
                    quote = mk.quote
                if mk.start == a and anchor is None:
                    anchor = mk.quote
            elif mk.link and link is None:
                link = mk.link
            if mk.sup and mk.end == b:
                sups.append(mk.sup)
        attrs = f' class="{" ".join(dict.fromkeys(classes))}"'
        if anchor is not None:
            attrs += f' id="q{anchor}"'
        if quote is not None:
            attrs += f' data-quote="{quote}"'
        elif link:
            piece = f'<a href="{link}">{piece}</a>'  # mentions link out, except inside quotes
        if titles:
            attrs += f' title="{esc("; ".join(dict.fromkeys(titles)))}"'
        out.append(f"<span{attrs}>{piece}</span>")
        out.extend(sups)
    return Markup("".join(out))


# --- charts -----------------------------------------------------------------------------------------

def week_chart(weeks: list[dict], title: str, width: int = 900, height: int = 240) -> Markup:
    """Stacked bars per week, one colour per series (quote kind or PLOVER type), as inline SVG.

    Each bar segment carries a <title> (hover text) and data attributes; the axis shows months.
    """
    if not weeks:
        return Markup('<p class="empty">Nothing dated to chart.</p>')
    left, right, top, bottom = 36, 8, 10, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(weeks)
    step = plot_w / n
    bar_w = min(max(1.0, step * 0.8), 36.0)  # few weeks: slim bars, not slabs
    peak = max((sum(w["counts"].values()) for w in weeks), default=0) or 1
    scale = plot_h / peak
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
             f'preserveAspectRatio="xMidYMid meet" aria-label="{escape(title)}">',
             f'<title>{escape(title)}</title>']
    # y axis: 0, half, peak
    for v in sorted({0, peak // 2, peak}):
        y = top + plot_h - v * scale
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="axis" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{v}</text>')
    last_month = None
    label_every = max(1, round(n / 12 / 4.35)) if n > 52 else 1
    month_i = 0
    for i, w in enumerate(weeks):
        x = left + i * step + (step - bar_w) / 2
        y = top + plot_h
        for key in SERIES_ORDER:
            c = w["counts"].get(key, 0)
            if not c:
                continue
            h = c * scale
            y -= h
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS[key]}" data-week="{w["week"]}" data-series="{key}" data-count="{c}">'
                f'<title>week of {w["week"]}: {c} × {escape(series_label(key))}</title></rect>')
        d = dt.date.fromisoformat(w["week"])
        month = (d.year, d.month)
        if month != last_month:
            if month_i % label_every == 0:
                label = d.strftime("%b %Y") if (last_month is None or d.month == 1) else d.strftime("%b")
                parts.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{top + plot_h}" '
                             f'y2="{top + plot_h + 5}"/><text class="axis" x="{x:.1f}" '
                             f'y="{top + plot_h + 18}">{label}</text>')
            month_i += 1
            last_month = month
    parts.append(f'<line class="baseline" x1="{left}" x2="{width - right}" y1="{top + plot_h}" '
                 f'y2="{top + plot_h}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def legend(totals: dict[str, int]) -> Markup:
    items = [f'<li><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" '
             f'height="12" fill="{COLOURS[k]}"/></svg>'
             f'{escape(series_label(k))} <span class="count">{totals[k]}</span></li>'
             for k in SERIES_ORDER if totals.get(k)]
    return Markup(f'<ul class="legend">{"".join(items)}</ul>')
