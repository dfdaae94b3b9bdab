"""Output: rich tables on a terminal, JSON/JSONL/CSV for machines, plain rows in pipes.

Text from sources is data: it reaches rich only as `rich.text.Text`, with control
characters and bidi overrides removed, so a quote can neither inject markup nor act on the
terminal. Arabic cells are wrapped in FSI…PDI so that a bidi-aware terminal keeps the
columns in place.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from .normalize import strip_controls

TABLE_ROWS = 500  # a terminal table stops here; machine formats never do
FORMATS = ("table", "plain", "json", "jsonl", "csv")

# Bidi embeddings, overrides, isolates and marks in the data would reorder what follows
# them on screen; they are removed before display and re-added only where we choose.
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
FSI, PDI = "\u2068", "\u2069"
# What json.dumps(ensure_ascii=False) leaves raw although a terminal acts on it (DEL and
# the C1 controls, CSI U+009B among them) or it reorders text (bidi controls), and the line
# separators that some readers split JSON Lines on. They go out as \uXXXX escapes: the
# parsed value is unchanged, and `factcli search --json` on a terminal stays inert.
_JSON_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@dataclass
class Output:
    """Where and how to write: chosen once from the flags and the terminal."""

    fmt: str
    out: TextIO
    err: TextIO
    color: bool = True
    tty: bool = False  # styles (bold, reverse) only on a real terminal
    rtl: str = "logical"  # or "visual": reshaped for terminals without bidi support
    width: int | None = None

    def console(self, stderr: bool = False) -> Any:
        from rich.console import Console

        return Console(
            file=self.err if stderr else self.out,
            force_terminal=self.tty,
            no_color=not self.color,
            highlight=False,
            emoji=False,
            markup=False,
            soft_wrap=False,
            width=self.width,
        )


def clean(text: Any) -> str:
    """A value as safe display text: controls and bidi overrides removed."""
    if text is None:
        return ""
    return _BIDI.sub("", strip_controls(str(text)))


def plain(text: Any) -> str:
    """A value as one field of a tab-separated line: clean, no tabs or line breaks."""
    return clean(text).replace("\t", " ").replace("\n", " ").replace("\u2028", " ").replace("\u2029", " ")


def dumps(data: Any, indent: int | None = None) -> str:
    """JSON text of `data`, Arabic readable, every control or bidi character escaped."""
    text = _indented_fast(data) if indent == 2 else None
    if text is None:
        text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _indented_fast(data: Any) -> str | None:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, byte for byte, by orjson; None where
    they could differ. The standard encoder's indented output runs in pure Python: 20k claims
    of `search --json` took it over 2 s. orjson writes the same text for strings, integers,
    booleans, null and containers; floats are checked to print alike (as the store's writer
    does), and what orjson refuses (integers beyond 64 bits) goes to the standard encoder."""
    try:
        import orjson
    except ImportError:
        return None
    from .store import _floats_print_alike

    if not _floats_print_alike(data, orjson.dumps):
        return None
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return None


def cell(text: Any, rtl: str = "logical") -> Any:
    """A table cell: `Text`, never markup; Arabic isolated (or reshaped in visual mode)."""
    from rich.text import Text

    # rich measures a tab as one cell but prints it as several, and breaks lines at U+2028
    # and U+2029 after measuring them as text: the column would come out too narrow.
    s = clean(text).replace("\t", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    if _ARABIC.search(s):
        if rtl == "visual":
            # Already wrapped and reordered line by line: a second wrap would scramble it.
            return Text(visual(s), no_wrap=True, overflow="ellipsis")
        s = f"{FSI}{s}{PDI}"
    return Text(s)


VISUAL_WIDTH = 36


def visual(text: str, width: int = VISUAL_WIDTH) -> str:
    """Shape and reorder Arabic for terminals that print characters left to right.

    Lines are wrapped in logical order first and each is reordered on its own: reordering a
    whole paragraph and letting the table wrap it afterwards would put its end on top.
    """
    import textwrap

    try:
        import arabic_reshaper
        from bidi.algorithm import get_display
    except ImportError:
        from .errors import InputError

        raise InputError("--rtl visual needs the extra: pip install 'factcli[rtl]'") from None
    # python-bidi fails an assertion on a code point with no bidi class (unassigned, or a
    # noncharacter such as U+FFFF); a terminal shows those as a replacement glyph anyway.
    text = "".join(ch if unicodedata.bidirectional(ch) else "\ufffd" for ch in text)
    lines = [part for line in text.split("\n") for part in (textwrap.wrap(line, width) or [""])]
    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in lines)


Column = tuple[str, Callable[[dict[str, Any]], Any]]


def emit(output: Output, records: Sequence[dict[str, Any]], columns: Sequence[Column], title: str | None = None) -> None:
    """One list of records in the chosen format; columns apply to table, plain and CSV."""
    if output.fmt == "json":
        write_json(output.out, list(records))
    elif output.fmt == "jsonl":
        for rec in records:
            output.out.write(dumps(rec) + "\n")
    elif output.fmt == "csv":
        writer = csv.writer(output.out, lineterminator="\n")
        writer.writerow([clean(h) for h, _ in columns])
        for rec in records:
            writer.writerow([clean(_flat(get(rec))) for _, get in columns])
    elif output.fmt == "plain":
        for rec in records:
            output.out.write("\t".join(plain(_flat(get(rec))) for _, get in columns) + "\n")
    else:
        table = new_table(output, [h for h, _ in columns], title)
        shown = records[:TABLE_ROWS]
        for rec in shown:
            table.add_row(*(cell(_flat(get(rec)), output.rtl) for _, get in columns))
        output.console().print(table)
        if len(records) > len(shown):
            # Thousands of wrapped rows are unreadable and take rich seconds to lay out.
            output.err.write(f"factcli: showing the first {len(shown)} of {len(records)}; use --limit, or --json/--csv for all\n")


def new_table(output: Output, headers: Sequence[str], title: str | None = None) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(title=clean(title) if title else None, box=box.SIMPLE_HEAD, show_lines=False, expand=False)
    for h in headers:
        table.add_column(clean(h), overflow="fold")
    return table


def write_json(out: TextIO, data: Any) -> None:
    out.write(dumps(data, indent=2) + "\n")


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# --- shared field formatting -------------------------------------------------------


def date_text(date: dict[str, Any] | None) -> str:
    """A DATE as a reader wants it: at its own precision, never an invented day."""
    if not date:
        return ""
    start, end, precision = date["start"], date["end"], date["precision"]
    cut = {"month": 7, "year": 4}.get(precision, 10)  # other precisions are shown as days
    a, b = start[:cut], end[:cut]
    return a if a == b else f"{a}..{b}"


def value_text(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    amount = value["amount"]
    if value["unit"] == "USD":
        if abs(amount) >= 1e9:
            return f"${amount / 1e9:g} bn"
        if abs(amount) >= 1e6:
            return f"${amount / 1e6:g} m"
        return f"${amount:,}"
    return f"{amount:g} {value['unit']}"


def why_text(record: dict[str, Any]) -> str:
    """How a search hit matched, one `term: field kind` per query term."""
    match = record.get("match") or {}
    parts = [f"{t['term']}: {t['field']} {t['kind']}" for t in match.get("terms") or ()]
    return "; ".join(parts) + (f" ({match['score']:g})" if parts else "")


def status_text(claim: dict[str, Any]) -> str:
    parts = ["RETRACTED"] if claim.get("retracted") else []
    if claim.get("polarity") == "negated":
        parts.append("NOT")
    if claim.get("modality") not in (None, "fact"):
        parts.append(claim["modality"])
    return " ".join(parts)


def render_claim(output: Output, detail: dict[str, Any]) -> None:
    """`show`: the statement, then the quote highlighted inside its paragraph, then facts."""
    names = detail.get("entities", {})

    def who(fld: str) -> str:
        ent = names.get(fld)
        if not ent:
            return detail.get(fld) or ""
        return f"{ent['name']} ({ent['name_ar']})" if ent.get("name_ar") else ent["name"]

    if output.fmt in ("plain", "csv"):
        para = detail["paragraph"]
        lines = [
            ("id", detail["id"]), ("statement", detail["statement"]),
            ("quote", detail["citation"]["quote"]), ("paragraph", para["text"]),
        ]
    else:
        lines = []
    facts_rows = [
        ("subject", who("subject")), ("predicate", detail["predicate"]), ("object", who("object")),
        ("value", value_text(detail.get("value"))), ("status", status_text(detail) or "fact"),
        ("date", f"{date_text(detail.get('date'))}  «{(detail.get('date') or {}).get('text', '')}»" if detail.get("date") else ""),
        ("speaker", who("speaker")), ("via", who("via")),
        ("source", f"{detail['source']['id']} — {detail['source']['outlet']}, published {date_text(detail['source']['published'])}"),
        ("span", f"{detail['citation']['start']}:{detail['citation']['end']}"),
    ]
    from .views import history_lines

    facts_rows += history_lines(detail)
    if output.fmt == "plain":
        for k, v in lines + facts_rows:
            if v:
                output.out.write(f"{k}\t{plain(v)}\n")
        return
    if output.fmt == "csv":  # the plain rows with a header, not a table drawn into a CSV
        writer = csv.writer(output.out, lineterminator="\n")
        writer.writerow(["field", "value"])
        writer.writerows([k, clean(v)] for k, v in lines + facts_rows if v)
        return
    from rich.panel import Panel
    from rich.text import Text

    console = output.console()
    para = detail["paragraph"]
    body = clean(para["text"][: para["quote_start"]])
    quote = clean(para["text"][para["quote_start"]: para["quote_end"]])
    tail = clean(para["text"][para["quote_end"]:])
    text = Text()
    text.append(FSI + body)
    text.append(quote, style="bold reverse" if output.color else "bold")
    text.append(tail + PDI)
    if output.rtl == "visual":
        text = Text(visual(clean(para["text"]), width=(output.width or 80) - 6))
    if detail.get("retracted"):
        r = detail["retracted"]
        console.print(Text(f"RETRACTED {clean(r['at'])}: {clean(r['reason'])}", style="bold red" if output.color else "bold"))
    console.print(Text(f"{clean(detail['id'])}  ", style="bold") + Text(clean(detail["statement"])))
    console.print(Panel(text, title="quote in its paragraph", title_align="left"))
    table = new_table(output, ["field", "value"])
    for k, v in facts_rows:
        if v:
            table.add_row(Text(k), cell(v, output.rtl))
    console.print(table)


def _claim_line(claim: dict[str, Any]) -> str:
    bits = [status_text(claim), date_text(claim.get("date")), value_text(claim.get("value"))]
    head = " ".join(b for b in bits if b)
    return f"{claim['id']} [{head}] {claim['statement']}" if head else f"{claim['id']} {claim['statement']}"


def render_diff(output: Output, result: Any) -> None:
    """`diff`: one section per verdict, each line with both statements, dates and ids."""
    sections = [
        (f"only in {result.source_a}", [(c, None, "") for c in result.only_a]),
        (f"only in {result.source_b}", [(None, c, "") for c in result.only_b]),
    ] + [(status, [(p.a, p.b, p.reason) for p in result.by_status(status)])
         for status in ("conflict", "changed", "compatible", "agree")]
    if output.fmt in ("plain", "csv"):
        if output.fmt == "csv":
            writer = csv.writer(output.out, lineterminator="\n")
            writer.writerow(["section", "claim_a", "claim_b", "reason", "statement_a", "statement_b"])
        for name, rows in sections:
            for a, b, reason in rows:
                cols = [name, a["id"] if a else "", b["id"] if b else "", reason,
                        a["statement"] if a else "", b["statement"] if b else ""]
                if output.fmt == "csv":
                    writer.writerow([clean(c) for c in cols])
                else:
                    output.out.write("\t".join(plain(c) for c in cols) + "\n")
        return
    from rich.text import Text

    console = output.console()
    for name, rows in sections:
        if not rows:
            continue
        table = new_table(output, [result.source_a, result.source_b, "why"], title=f"{name} ({len(rows)})")
        for a, b, reason in rows:
            table.add_row(cell(_claim_line(a) if a else "", output.rtl), cell(_claim_line(b) if b else "", output.rtl), Text(clean(reason)))
        console.print(table)
    s = result.to_dict()["summary"]
    console.print(Text(clean(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in s.items()))))


def _source_cell(sid: str, cell_text: Callable[[list[dict[str, Any]]], str]) -> Callable[[Any], str]:
    return lambda row: cell_text(row.cells.get(sid, []))


def render_matrix(output: Output, matrix: Any) -> None:
    """`compare`: propositions down, sources across, what each source gives in the cells."""
    from .compare import cell_text

    if output.fmt in ("json", "jsonl"):
        rows = [{
            "subject": r.proposition[0], "predicate": r.proposition[1], "object": r.proposition[2],
            "statement": r.statement, "status": r.status, "reason": r.reason,
            "cells": {sid: [c["id"] for c in claims] for sid, claims in r.cells.items()},
            "values": {sid: cell_text(claims) for sid, claims in r.cells.items()},
        } for r in matrix.rows]
        if output.fmt == "jsonl":
            for row in rows:
                output.out.write(dumps(row) + "\n")
        else:
            write_json(output.out, {"sources": matrix.sources, "rows": rows, "summary": matrix.summary})
        return
    columns: list[Column] = [("proposition", lambda r: r.statement)]
    columns += [(sid, _source_cell(sid, cell_text)) for sid in matrix.sources]
    columns += [("status", lambda r: r.status), ("why", lambda r: r.reason)]
    if output.fmt == "csv":
        writer = csv.writer(output.out, lineterminator="\n")
        writer.writerow([clean(h) for h, _ in columns])
        for row in matrix.rows:
            writer.writerow([clean(get(row)) for _, get in columns])
        return
    summary = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in matrix.summary.items())
    if output.fmt == "plain":
        for row in matrix.rows:
            output.out.write("\t".join(plain(get(row)) for _, get in columns) + "\n")
        output.err.write(clean(summary) + "\n")
        return
    from rich.text import Text

    table = new_table(output, [h for h, _ in columns])
    for row in matrix.rows:
        table.add_row(*(cell(get(row), output.rtl) for _, get in columns))
    console = output.console()
    console.print(table)
    console.print(Text(clean(summary)))
