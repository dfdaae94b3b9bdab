"""Layout: rich tables or blocks on a terminal, plain rows in pipes, JSON/JSONL/CSV/TSV.

What is said and in which shape is `present`'s; this module only places it. On a terminal
a list is a table when the terminal is wide enough for every column without breaking a
word, and otherwise one block per record; ids, dates and other values people copy are
never folded, and columns with nothing in them are left out.

One dispatcher picks the writer (`dispatch`): --count or --ids, else the format, looked up
in the table of writers each kind of output has (a list of records, claims in full, a diff,
a compare matrix).

Text from sources is data: it reaches rich only as `rich.text.Text`, with control
characters and bidi overrides removed, so a quote can neither inject markup nor act on the
terminal. Arabic names are wrapped in FSI…PDI, each on its own, where the output is not a
terminal (a viewer of a file honours them and keeps the columns in place); a terminal gets
none, since one with bidi draws them as boxes and one without ignores them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, TextIO

from . import present
from .codec import encode_chunks, encode_text
from .present import Column, date_text, status_text, value_text  # noqa: F401  (the names render always had)
from .text import shows_arabic

TABLE_ROWS = 500  # a terminal table stops here; machine formats never do
# Below this many columns a list is drawn as one block per record: a table of six columns
# in 80 would fold ids and break words.
TABLE_MIN_WIDTH = 100
# A table is for reading across its rows: one that leaves a column of text narrower than
# this (a title squeezed to a word a line beside ids and dates drawn whole) is drawn as
# blocks instead, unless all of that column is shorter.
TABLE_COLUMN_MIN = 14

# What `clean` removes. Bidi embeddings, overrides, isolates and marks in the data would
# reorder what follows them on screen; they are removed before display and re-added only
# where we choose. With them, the controls `normalize.strip_controls` removes (C0 but tab
# and line break, DEL, C1), in the same one pass of a regular expression (stripping them a
# character at a time took most of the time of a CSV of thousands of claims).
# The patterns that only some outputs use are kept as their source and compiled by `re`'s
# own cache when first used: compiling a class of wide ranges costs a start-up a third of
# a millisecond each, and `search --json` needs none of them.
_HIDDEN = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
FSI, PDI = "\u2068", "\u2069"
# What json.dumps(ensure_ascii=False) leaves raw although a terminal acts on it (DEL and
# the C1 controls, CSI U+009B among them) or it reorders text (bidi controls), and the line
# separators that some readers split JSON Lines on. They go out as \uXXXX escapes: the
# parsed value is unchanged, and `factcli search --json` on a terminal stays inert.
_JSON_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]")
# The same characters in UTF-8, for output encoded as bytes: a lead byte never appears
# inside another character's bytes, so these sequences are those characters and nothing
# else. DEL and U+061C are looked for as they are; the other two families through their
# lead byte, which Arabic text holds far less often than U+061C's (0xD8).
_JSON_RAW_UTF8 = rb"\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe2(?:\x80[\x8e\x8f\xa8-\xae]|\x81[\xa6-\xa9])"
_C1_UTF8 = rb"\xc2[\x80-\x9f]"
_MARKS_UTF8 = rb"\xe2(?:\x80[\x8e\x8f\xa8-\xae]|\x81[\xa6-\xa9])"


class Output:
    """Where and how to write: chosen once from the flags and the terminal. (A plain class,
    one per command: a dataclass would load `dataclasses` and make its methods at every start.)"""

    def __init__(
        self,
        fmt: str,
        out: TextIO,
        err: TextIO,
        color: bool = True,
        tty: bool = False,
        rtl: str = "logical",
        width: int | None = None,
        fields: list[str] | None = None,
        mode: str = "records",
        styled: bool | None = None,
        header: bool = True,
        compact: bool = False,
        isolate: bool = True,
        template: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.fmt = fmt
        self.out = out
        self.err = err
        self.color = color
        self.tty = tty  # styles (bold, reverse) only on a real terminal
        self.rtl = rtl  # or "visual": reshaped for terminals without bidi support
        self.width = width
        self.fields = fields  # --fields: dotted paths
        self.mode = mode  # or "count" (--count), "ids" (--ids)
        self.styled = styled  # bold/reverse reach the screen (False on TERM=dumb)
        self.header = header  # plain rows, CSV and TSV begin with their column names (--no-header)
        # The terminal's own layout, not asked for with --table: claims one line each, the
        # first screen a list of answers (`claim_lines`); --table draws every column whole.
        self.compact = compact
        self.isolate = isolate  # Arabic names in FSI…PDI: not on a terminal, where they show as boxes
        self.template = template  # --format '{id} {date.start} {statement}': fmt "template"
        self.extra: dict[str, Any] = {} if extra is None else extra

    @property
    def has_styles(self) -> bool:
        return self.tty if self.styled is None else self.styled

    @property
    def columns(self) -> int:
        return self.width or 80

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
    return re.sub(_HIDDEN, "", str(text))


def plain(text: Any) -> str:
    """A value as one field of a tab-separated line: clean, no tabs or line breaks."""
    return clean(text).replace("\t", " ").replace("\n", " ").replace("\u2028", " ").replace("\u2029", " ")


def dumps(data: Any, indent: int | None = None) -> str:
    """JSON text of `data`, Arabic readable, every control or bidi character escaped."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", encode_text(data, indent))


def _escaped(text: bytes | str) -> bytes | str:
    """`dumps`' escapes on a piece of JSON text, as bytes (UTF-8) or as text. Most pieces
    hold none of those characters: bytes are looked through with `in` and two short
    patterns before any is replaced."""
    if isinstance(text, str):
        return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if b"\x7f" in text or b"\xd8\x9c" in text or re.search(_C1_UTF8, text) or re.search(_MARKS_UTF8, text):
        return re.sub(_JSON_RAW_UTF8, lambda m: b"\\u%04x" % ord(m.group().decode("utf-8")), text)
    return text


def _cell_text(text: Any) -> str:
    # rich measures a tab as one cell but prints it as several, and breaks lines at U+2028
    # and U+2029 after measuring them as text: the column would come out too narrow.
    return clean(text).replace("\t", " ").replace("\u2028", "\n").replace("\u2029", "\n")


def cell(
    text: Any, rtl: str = "logical", width: int | None = None, whole: bool = False, isolate: bool = True
) -> Any:
    """A table cell: `Text`, never markup; each Arabic name in it isolated (`isolate`), or in
    visual mode reshaped and wrapped to `width` (all of it kept: the lines are reordered one
    by one)."""
    from rich.text import Text

    s = _cell_text(text)
    if shows_arabic(s):
        if rtl == "visual":
            return Text(visual(s, width or VISUAL_WIDTH), no_wrap=True, overflow="fold")
        if isolate:
            s = isolated(s)
    return Text(s, no_wrap=whole, overflow="fold")


# What separates the names of a list ("a; b") and a name from its other script ("Qatar (قطر)").
_NAME_BREAKS = r"(;\s*|\s*\(|\)\s*|\n)"


def isolated(text: str) -> str:
    """Each Arabic name in `text` wrapped in FSI…PDI on its own, so that in "Tamim bin Hamad
    (تميم بن حمد)" or a list of aliases the Latin names keep their left-to-right place."""
    parts = re.split(_NAME_BREAKS, text)
    return "".join(f"{FSI}{p}{PDI}" if i % 2 == 0 and shows_arabic(p) else p for i, p in enumerate(parts))


VISUAL_WIDTH = 36


def visual(text: str, width: int = VISUAL_WIDTH) -> str:
    """Shape and reorder Arabic for terminals that print characters left to right.

    Lines are wrapped in logical order first and each is reordered on its own: reordering a
    whole paragraph and letting the table wrap it afterwards would put its end on top. The
    paragraph's direction is taken once, from its first strong letter, and kept for every
    line, so a mixed line (an English source line naming an Arabic outlet) stays in reading
    order whatever its wrapped lines begin with.
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
    width = max(width, 1)
    out = []
    for para in text.split("\n"):
        base = _base_direction(para)
        lines = textwrap.wrap(para, width, break_long_words=True, break_on_hyphens=False) or [""]
        out += [get_display(arabic_reshaper.reshape(line), base_dir=base) for line in lines]
    return "\n".join(out)


def _base_direction(text: str) -> str:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return "L"


# --- the one dispatcher: a format or mode to its writer -----------------------------------

# A writer takes the Output and what is to be written; each kind of output (a list of
# records, claims shown in full, a diff, a compare matrix) has a table of them.
Writer = Callable[..., None]


def route(output: Output) -> str:
    """What picks the writer: --count or --ids, else the format (table, plain, json, ...)."""
    return output.fmt if output.mode == "records" else output.mode


def dispatch(writers: Mapping[str, Writer], output: Output, *what: Any) -> None:
    """Write `what` with the writer `writers` has for this output; "table" is the default."""
    writers.get(route(output), writers["table"])(output, *what)


def _write_count(output: Output, n: int) -> None:
    """--count: the bare number; with --json or --jsonl `{"count": N}` (schema `count`), with
    --csv or --tsv a `count` column."""
    if output.fmt in ("json", "jsonl"):
        output.out.write(dumps({"count": n}) + "\n")
    elif output.fmt in ("csv", "tsv"):
        write_rows(output, ["count"], [[str(n)]])
    else:
        output.out.write(f"{n}\n")


def _write_ids(output: Output, ids: Iterable[Any]) -> None:
    """--ids: one a line; with --json an array of them (schema `ids`), with --jsonl one JSON
    string a line, with --csv or --tsv an `id` column."""
    listed = [i for i in ids if i is not None]
    if output.fmt == "json":
        write_json(output.out, listed)
    elif output.fmt == "jsonl":
        for i in listed:
            output.out.write(dumps(i) + "\n")
    elif output.fmt in ("csv", "tsv"):
        write_rows(output, ["id"], ([i] for i in listed))
    else:
        for i in listed:
            output.out.write(plain(i) + "\n")


# --- lists of records -------------------------------------------------------------------


def _getter(kind_columns: Sequence[Column], path: str) -> Callable[[dict[str, Any]], Any]:
    """A --fields name: a machine column of that name, else a dotted path into the record."""
    for name, get in kind_columns:
        if name == path:
            return get
    return lambda r: present.pick(r, path)


def _known_fields(kind: str | None, records: Sequence[dict[str, Any]]) -> list[str]:
    from .schemas import paths

    # `kind` is in the record schemas for export's records alone; listed records lack it.
    names = [n for n in paths(kind) if n != "kind"] if kind else []
    names += [n for n, _ in present.CSV_COLUMNS.get(kind or "", [])]
    for rec in records[:1]:
        names += list(rec)
    return names


class _List(NamedTuple):
    """A list of records to write, with its worded (`human`) and typed (`machine`) columns."""

    records: Sequence[dict[str, Any]]
    human: list[Column]
    machine: list[Column]
    schema_kind: str | None
    title: str | None


def emit(
    output: Output, records: Sequence[dict[str, Any]], kind: str | Sequence[Column], title: str | None = None
) -> None:
    """One list of records in the chosen format.

    `kind` ("claim", "timeline", "source", "entity", "problem") picks the columns from
    `present`: typed ones for CSV/TSV, worded ones for tables and plain rows. A list of
    columns may be given instead; they then serve every format.
    """
    if isinstance(kind, str):
        human = present.TABLE_COLUMNS[kind]
        schema_kind: str | None = "claim" if kind == "timeline" else kind
        machine = present.CSV_COLUMNS.get(schema_kind or "", human)
    else:
        human = machine = list(kind)
        schema_kind = None
    dispatch(_LIST_WRITERS, output, _List(records, human, machine, schema_kind, title))


def _checked_fields(output: Output, listed: _List) -> list[str] | None:
    """--fields, refused if the records have no such field."""
    fields = output.fields
    if fields:
        kind = listed.schema_kind
        present.check_fields(fields, _known_fields(kind, listed.records), kind or "these")
    return fields


def _columns(output: Output, listed: _List) -> tuple[list[Column], list[Column]]:
    """(worded, typed) columns: the kind's, or the --fields chosen, which serve both."""
    fields = _checked_fields(output, listed)
    if fields:
        chosen = [(f, _getter(listed.machine, f)) for f in fields]
        return chosen, chosen
    return listed.human, listed.machine


def _shaped(output: Output, listed: _List) -> list[dict[str, Any]]:
    """The records as JSON gives them: whole, or cut to --fields, where a typed column's
    name (`date_start`, `quote`) is filled as CSV fills it."""
    fields = _checked_fields(output, listed)
    if not fields:
        return list(listed.records)
    columns = dict(listed.machine)
    return [present.project(r, fields, columns) for r in listed.records]


def _list_json(output: Output, listed: _List) -> None:
    write_json(output.out, _shaped(output, listed))


def _list_jsonl(output: Output, listed: _List) -> None:
    for rec in _shaped(output, listed):
        output.out.write(dumps(rec) + "\n")


def _list_rows(output: Output, listed: _List) -> None:
    _, machine = _columns(output, listed)
    write_rows(
        output,
        [h for h, _ in machine],
        ([present.csv_value(get(r)) for _, get in machine] for r in listed.records),
    )


def _list_plain(output: Output, listed: _List) -> None:
    human, _ = _columns(output, listed)
    plain_rows(
        output, [h for h, _ in human], ([_flat(get(rec)) for _, get in human] for rec in listed.records)
    )


def plain_rows(output: Output, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Plain tab-separated rows, the worded columns people read, under a line of their names
    (as sqlite-utils and csvkit print TSV, so a bare `40` says what it counts), unless
    --no-header."""
    if output.header:
        output.out.write("\t".join(plain(h) for h in header) + "\n")
    for row in rows:
        output.out.write("\t".join(plain(v) for v in row) + "\n")


def _list_table(output: Output, listed: _List) -> None:
    human, _ = _columns(output, listed)
    records = listed.records
    shown = records[:TABLE_ROWS]
    kind = present.LINE_KINDS.get(tuple(h for h, _ in listed.human))
    if output.compact and kind and not output.fields and output.rtl != "visual":
        if claim_lines(output, shown, kind, listed.title):
            _say_cut(output, records, shown)
            return
    rows = [[_flat(get(rec)) for _, get in human] for rec in shown]
    lay_out(output, [h for h, _ in human], rows, listed.title)
    _say_cut(output, records, shown)


def _say_cut(output: Output, records: Sequence[Any], shown: Sequence[Any]) -> None:
    if len(records) > len(shown):
        # Thousands of wrapped rows are unreadable and take rich seconds to lay out.
        output.err.write(
            f"factcli: showing the first {len(shown)} of {len(records)}; use --limit, or --json/--csv for all\n"
        )


# A claim's line: the statement gets at least this many cells (else the list is drawn as
# blocks), the cut quote at least QUOTE_MIN (else it is left out) and at most a quarter of
# the room, unless the statement leaves it more.
STATEMENT_MIN = 24
QUOTE_MIN = 16
# A metadata column is as wide as its widest value when the lines still hold STATEMENT_MIN
# of statement and QUOTE_MIN of quote beside it, else as wide as its widest value up to
# META_MAX: a rare long one ("a month in 2020-09..2021-05") is still printed whole, taking
# its room from its own line's statement.
META_MAX = 16


def claim_lines(output: Output, records: Sequence[dict[str, Any]], kind: str, title: str | None) -> bool:
    """Claims one line each, as `git log --oneline` and `gh issue list` list: the values
    people copy (id, date at its precision, status, figure) whole in aligned columns, dim
    but for the id, then the statement and a cut quote at full strength, both cut at a word
    boundary (…) to the width. False when the width cannot hold the essentials (the metadata
    and STATEMENT_MIN cells of statement): the caller draws blocks instead."""
    from rich.cells import cell_len
    from rich.text import Text

    meta_names, text_names = present.LINE_COLUMNS[kind]
    columns = dict(present.TABLE_COLUMNS[kind])
    rows = [
        (
            [clean(_flat(columns[n](r))) for n in meta_names],
            [_cell_text(_flat(columns[n](r))) for n in text_names],
        )
        for r in records
    ]
    keep = [i for i in range(len(meta_names)) if any(meta[i] for meta, _ in rows)]
    widest = {i: max([len(meta_names[i])] + [cell_len(meta[i]) for meta, _ in rows]) for i in keep}
    if output.columns - sum(w + 2 for w in widest.values()) >= STATEMENT_MIN + QUOTE_MIN + 2:
        widths = widest
    else:
        widths = {
            i: max((n for meta, _ in rows if (n := cell_len(meta[i])) <= META_MAX), default=0) for i in keep
        }
        widths = {i: max(w, len(meta_names[i])) for i, w in widths.items()}
    line_rooms = [
        output.columns - sum(max(widths[i], cell_len(meta[i])) + 2 for i in keep) for meta, _ in rows
    ]
    if min(line_rooms, default=STATEMENT_MIN) < STATEMENT_MIN:
        return False
    styles = output.has_styles
    console = output.console()
    if title:
        console.print(Text(clean(title), style="bold"))
    head = Text("  ".join(meta_names[i].ljust(widths[i]) for i in keep) + "  " + "  ".join(text_names))
    if styles:
        head.stylize("dim")
    console.print(head, no_wrap=True, overflow="ignore")
    for (meta, texts), room in zip(rows, line_rooms, strict=True):
        line = Text()
        for i in keep:
            name = meta_names[i]
            line.append(meta[i].ljust(widths[i]), style=_meta_style(name) if styles else None)
            line.append("  ")
        statement = texts[0].replace("\n", " ")
        quote = texts[1].replace("\n", " ") if len(texts) > 1 else ""
        quote_room = 0
        if quote:
            spare = room - cell_len(statement) - 2
            quote_room = max(spare, QUOTE_MIN, room // 4) if spare >= QUOTE_MIN else max(QUOTE_MIN, room // 4)
            if room - quote_room - 2 < STATEMENT_MIN:
                quote_room = 0
        line.append(cut(statement, room - (quote_room + 2 if quote_room else 0)))
        if quote_room:
            line.append("  ")
            line.append("«", style="dim" if styles else None)
            line.append(_isolated(cut(quote, quote_room - 2), output))
            line.append("»", style="dim" if styles else None)
        console.print(line, no_wrap=True, overflow="ignore")
    return True


def _meta_style(name: str) -> str | None:
    # The id is what the reader copies into `factcli show`: bold; the status (NOT, in talks)
    # changes what the statement means: full strength; dates and figures dim.
    return {"id": "bold", "status": None}.get(name, "dim")


def _isolated(text: str, output: Output) -> str:
    return isolated(text) if output.isolate and output.rtl == "logical" else text


def cut(text: str, width: int) -> str:
    """`text` in at most `width` cells, cut at a word boundary and ended with "…" when it
    does not fit; a first word longer than the width is cut inside it."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    out = ""
    for word in text.split(" "):
        candidate = f"{out} {word}" if out else word
        if cell_len(candidate) + 1 > width:
            break
        out = candidate
    if not out:
        out = text
        while out and cell_len(out) + 1 > width:
            out = out[:-1]
    return out.rstrip(" ,;:—-") + "…"


_TEMPLATE_FIELD = re.compile(r"\{([^{}]*)\}")


def _list_template(output: Output, listed: _List) -> None:
    """--format TEMPLATE: one line a record, each {name} replaced by that field, the names
    --fields takes (a dotted path or a CSV column name), as `git log --format` and gh's
    --template; {{ and }} are braces."""
    template = output.template or ""
    names = [m.group(1) for m in _TEMPLATE_FIELD.finditer(template.replace("{{", "").replace("}}", ""))]
    if names:
        present.check_fields(
            names, _known_fields(listed.schema_kind, listed.records), listed.schema_kind or "these"
        )
    getters = {n: _getter(listed.machine, n) for n in names}
    for rec in listed.records:
        output.out.write(_filled(template, getters, rec) + "\n")


def _filled(
    template: str, getters: Mapping[str, Callable[[dict[str, Any]], Any]], rec: dict[str, Any]
) -> str:
    def value(m: re.Match[str]) -> str:
        return plain(present.csv_value(getters[m.group(1)](rec)))

    parts = template.split("{{")
    return "{".join("}".join(_TEMPLATE_FIELD.sub(value, p) for p in part.split("}}")) for part in parts)


_LIST_WRITERS: dict[str, Writer] = {
    "template": _list_template,
    "count": lambda output, listed: _write_count(output, len(listed.records)),
    "ids": lambda output, listed: _write_ids(output, (rec.get("id") for rec in listed.records)),
    "json": _list_json,
    "jsonl": _list_jsonl,
    "csv": _list_rows,
    "tsv": _list_rows,
    "plain": _list_plain,
    "table": _list_table,
}


def write_rows(output: Output, header: Sequence[str], rows: Any) -> None:
    """CSV (RFC 4180) or TSV (no tabs or line breaks inside a field), header first (unless
    --no-header), so an empty result is still a file csvkit and duckdb read."""
    if output.fmt == "tsv":
        if output.header:
            output.out.write("\t".join(plain(h) for h in header) + "\n")
        for row in rows:
            output.out.write("\t".join(plain(v) for v in row) + "\n")
        return
    import csv

    writer = csv.writer(output.out, lineterminator="\n")
    if output.header:
        writer.writerow([clean(h) for h in header])
    for row in rows:
        writer.writerow([clean(v) for v in row])


def _longest_word(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(w) for w in text.split()), default=0)


def _widths(
    output: Output, headers: Sequence[str], rows: Sequence[Sequence[str]], whole: frozenset[str]
) -> list[int] | None:
    """Column widths for a table that folds no id and breaks no word, or None if the
    terminal is too narrow for one (then the records are drawn as blocks).

    Each column gets at least its longest word (a whole column: its longest value), and the
    room left is shared in proportion to what each column still needs for its longest line.
    rich's own shrinking would cut any column, words and ids included.
    """
    from rich.cells import cell_len

    if output.rtl == "visual" or output.columns < TABLE_MIN_WIDTH:
        return None
    least, most = [], []
    for i, h in enumerate(headers):
        texts = [clean(h)] + [_cell_text(r[i]) for r in rows]
        longest = max(cell_len(line) for t in texts for line in (t.split("\n") or [""]))
        least.append(longest if h in whole else max(max(_longest_word(t) for t in texts), 1))
        most.append(max(longest, 1))
    room = output.columns - (3 * len(headers) + 1)  # padding, rules and edges of SIMPLE_HEAD
    if sum(least) > room:
        return None
    if sum(most) <= room:
        return most
    spare, wants = room - sum(least), [m - lo for m, lo in zip(most, least, strict=True)]
    total = sum(wants)
    widths = [lo + spare * w // total for lo, w in zip(least, wants, strict=True)]
    if any(w < min(m, TABLE_COLUMN_MIN) for w, m in zip(widths, most, strict=True)):
        return None
    return widths


def _shown_or_empty(text: str) -> str:
    return text if text.strip() else ""


def lay_out(
    output: Output, headers: Sequence[str], rows: Sequence[Sequence[str]], title: str | None = None
) -> None:
    """A table when it fits, else one block per row; empty columns left out."""
    # A value of bidi marks or line separators only is empty on screen: it neither keeps a
    # column nor takes a line of a block.
    rows = [[_shown_or_empty(clean(v)) for v in r] for r in rows]
    keep = [i for i in range(len(headers)) if any(r[i] for r in rows)] if rows else list(range(len(headers)))
    headers = [headers[i] for i in keep]
    rows = [[r[i] for i in keep] for r in rows]
    whole = present.WHOLE_COLUMNS
    widths = _widths(output, headers, rows, whole)
    if widths is None:
        blocks(output, headers, rows, title)
        return
    table = new_table(output, headers, title, whole, widths)
    for row in rows:
        table.add_row(
            *(
                cell(v, output.rtl, whole=h in whole, isolate=output.isolate)
                for h, v in zip(headers, row, strict=True)
            )
        )
    output.console().print(table)


def blocks(output: Output, headers: Sequence[str], rows: Sequence[Sequence[str]], title: str | None) -> None:
    """One block per record: the values people copy (id, date, source...) on its first
    line, whole; then each other value under its label, wrapped at word boundaries."""
    from rich.text import Text

    console = output.console()
    if title:
        console.print(Text(clean(title), style="bold"))
    heads = [i for i, h in enumerate(headers) if h in present.HEAD_COLUMNS]
    rest = [i for i in range(len(headers)) if i not in heads]
    label_width = max((len(headers[i]) for i in rest), default=0)
    value_width = max(output.columns - label_width - 2, 10)
    # Long labels (compare's are source ids) leave too little room beside them for a word
    # or id of the values: then each value goes on the lines under its label instead.
    longest = max((_longest_word(_cell_text(row[i])) for row in rows for i in rest), default=0)
    stacked = value_width < min(longest, output.columns - 2)
    if stacked:
        label_width, value_width = 0, max(output.columns - 2, 10)
    for n, row in enumerate(rows):
        if n or title:
            console.print()
        line = Text()
        for k, i in enumerate(i for i in heads if row[i]):
            if k:
                line.append("  ")
            line.append(
                clean(row[i]), style="bold" if headers[i] in ("id", "a") and output.has_styles else None
            )
        if line.plain:
            console.print(line)
        for i in rest:
            if row[i]:
                labelled(output, console, headers[i], row[i], label_width, value_width, stacked)


def labelled(
    output: Output,
    console: Any,
    label: str,
    value: str,
    label_width: int,
    value_width: int,
    stacked: bool = False,
) -> None:
    """`label  value`, the value wrapped at word boundaries under itself, no padding after it;
    `stacked`: the label on a line of its own, the value encode_text under it."""
    from rich.text import Text

    style = "dim" if output.has_styles else ""
    lines = cell(value, output.rtl, value_width, isolate=output.isolate).wrap(console, value_width)
    if stacked:
        console.print(Text(label, style=style))
    for k, line in enumerate(lines):
        # The label dim, the value at full strength: a Text's own style would cover both.
        out = Text()
        out.append("  " if stacked else (label if k == 0 else "").ljust(label_width) + "  ", style=style)
        line.rstrip()
        out.append_text(line)
        console.print(out)


def new_table(
    output: Output,
    headers: Sequence[str],
    title: str | None = None,
    whole: Sequence[str] | frozenset[str] = frozenset(),
    widths: Sequence[int] | None = None,
) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(title=clean(title) if title else None, box=box.SIMPLE_HEAD, show_lines=False, expand=False)
    for n, h in enumerate(headers):
        table.add_column(clean(h), overflow="fold", no_wrap=h in whole, width=widths[n] if widths else None)
    return table


def write_json(out: TextIO, data: Any) -> None:
    """`dumps(data, indent=2)` and a line break, written in large pieces as they are made
    (a list a slice of items at a time), as bytes where the stream takes UTF-8."""
    _write_pieces(out, _json_pieces(data))


# Items of a list encoded at a time: a few megabytes of a heavy search's output, written
# before the next slice is encoded.
JSON_SLICE = 2000


def _json_pieces(data: Any) -> Iterator[bytes | str]:
    for piece in encode_chunks(data, JSON_SLICE):
        yield _escaped(piece)
    yield "\n"


def _write_pieces(out: TextIO, pieces: Iterable[bytes | str]) -> None:
    """Text and UTF-8 bytes to `out`, in order. Bytes go to the stream's binary buffer when
    it has one and encodes UTF-8 with bare line breaks (stdout on POSIX, a test runner's
    stream), so output encoded as bytes is never decoded to text and encoded again; else
    they are decoded and written as text."""
    buffer = _utf8_buffer(out)
    for piece in pieces:
        if isinstance(piece, str):
            out.write(piece)
        elif buffer is None:
            out.write(piece.decode("utf-8"))
        else:
            out.flush()  # what was written as text goes first
            buffer.write(piece)


def _utf8_buffer(out: TextIO) -> Any:
    import codecs
    import os

    buffer = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if buffer is None or not isinstance(encoding, str) or os.linesep != "\n":
        return None
    try:
        return buffer if codecs.lookup(encoding).name == "utf-8" else None
    except LookupError:
        return None


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)


# --- one claim ----------------------------------------------------------------------------


def quote_marks(paragraph: str) -> tuple[str, str]:
    """What marks the quote inside its paragraph when styles are off: « » unless the
    paragraph uses guillemets itself (Arabic news often does), then ⟦ ⟧."""
    return ("⟦", "⟧") if "«" in paragraph or "»" in paragraph else ("«", "»")


def marked_paragraph(detail: dict[str, Any], part: str = "paragraph") -> str:
    """The quote marked inside its `paragraph`, or inside its `context` (-C N)."""
    para = detail[part]
    text, i, j = para["text"], para["quote_start"], para["quote_end"]
    left, right = quote_marks(text)
    return f"{text[:i]}{left}{text[i:j]}{right}{text[j:]}"


def context_text(record: dict[str, Any]) -> str:
    """A `context` column (-C N): the sentences around the quote, the quote marked."""
    return marked_paragraph(record, "context") if record.get("context") else ""


def why_text(record: dict[str, Any]) -> str:
    """How a search hit matched, one `term: field kind` per query term."""
    match = record.get("match") or {}
    parts = [f"{t['term']}: {t['field']} {t['kind']}" for t in match.get("terms") or ()]
    return "; ".join(parts) + (f" ({match['score']:g})" if parts else "")


def render_claims(output: Output, details: Sequence[dict[str, Any]]) -> None:
    """`show ID...` in any format: JSON always an array, JSONL and CSV one claim a row."""
    dispatch(_CLAIMS_WRITERS, output, details)


def _claims_in_full(output: Output, details: Sequence[dict[str, Any]]) -> None:
    for n, detail in enumerate(details):
        if n:
            output.out.write("\n")
        render_claim(output, detail)


def _claims_as_list(output: Output, details: Sequence[dict[str, Any]]) -> None:
    emit(output, details, "claim")


def _claims_lines(output: Output, details: Sequence[dict[str, Any]]) -> None:
    """`show` in a pipe: one claim a line, every fact `show` gives in a column of its own
    (the quote marked in its paragraph), under a header line; with --fields, those."""
    if output.fields:
        _claims_as_list(output, details)
        return
    rows = [dict(_claim_facts(d)) for d in details]
    header = list(dict.fromkeys(k for row in rows for k in row))
    plain_rows(output, header, ([row.get(k, "") for k in header] for row in rows))


def _claim_facts(detail: dict[str, Any]) -> list[tuple[str, str]]:
    """A claim's facts as `show` labels them, in its order; several revisions in one field."""
    facts = [
        ("id", detail["id"]),
        ("status", status_text(detail)),
        ("statement", detail["statement"]),
        ("quote", detail["citation"]["quote"]),
        ("paragraph", marked_paragraph(detail)),
        *([("context", context_text(detail))] if detail.get("context") else []),
    ]
    history: dict[str, list[str]] = {}
    for k, v in present.show_fields(detail):
        if k in ("revised", "retracted"):
            history.setdefault(k, []).append(v)
        else:
            facts.append((k, v))
    return facts + [(k, "; ".join(v)) for k, v in history.items()]


_CLAIMS_WRITERS: dict[str, Writer] = {
    **dict.fromkeys(("count", "ids", "json", "jsonl", "csv", "tsv", "template"), _claims_as_list),
    "plain": _claims_lines,
    "table": _claims_in_full,
}


def render_claim(output: Output, detail: dict[str, Any]) -> None:
    """`show`: the statement, then the quote marked inside its paragraph, then the facts."""
    dispatch(_CLAIM_WRITERS, output, detail)


def _claim_lines(output: Output, detail: dict[str, Any]) -> None:
    _claims_lines(output, [detail])


def _claim_panel(output: Output, detail: dict[str, Any]) -> None:
    """`show` on a terminal: the statement, the quote in its paragraph, the facts labelled."""
    facts_rows = present.show_fields(detail)
    from rich.panel import Panel
    from rich.text import Text

    console = output.console()
    # With -C N the quote is shown in its sentences, not its paragraph.
    part = "context" if detail.get("context") else "paragraph"
    para = detail[part]
    width = output.columns

    def iso(text: str) -> str:
        return FSI + text + PDI if output.isolate else text

    if output.rtl == "visual" or not output.has_styles:
        # No bold or reverse on this terminal (or reshaped text, which styles cannot follow):
        # the quote is marked in the text itself.
        shown = clean(marked_paragraph(detail, part))
        text = Text(visual(shown, width=width - 4)) if output.rtl == "visual" else Text(iso(shown))
    else:
        body = clean(para["text"][: para["quote_start"]])
        quote = clean(para["text"][para["quote_start"] : para["quote_end"]])
        tail = clean(para["text"][para["quote_end"] :])
        text = Text()
        first, last = (FSI, PDI) if output.isolate else ("", "")
        text.append(first + body)
        text.append(quote, style="bold reverse" if output.color else "bold")
        text.append(tail + last)
    if detail.get("retracted"):
        r = detail["retracted"]
        console.print(
            Text(
                f"RETRACTED {clean(r['at'])}: {clean(r['reason'])}",
                style="bold red" if output.color else "bold",
            )
        )
    head = Text(clean(detail["id"]), style="bold")
    status = status_text(detail)
    if status:
        head.append(f"  [{clean(status)}]")
    if output.rtl == "visual":
        # Reshaped lines are already wrapped to the width: each gets a line of its own.
        console.print(head)
        console.print(cell(detail["statement"], output.rtl, width))
    else:
        console.print(head + Text("  ") + cell(detail["statement"], output.rtl, isolate=output.isolate))
    title = "quote in its sentences" if part == "context" else "quote in its paragraph"
    console.print(Panel(text, title=title, title_align="left"))
    rows = [(k, v) for k, v in facts_rows if v]
    label = max(len(k) for k, _ in rows)
    for k, v in rows:
        labelled(output, console, k, v, label, max(width - label - 2, 10))


_CLAIM_WRITERS: dict[str, Writer] = {
    **dict.fromkeys(("plain", "csv", "tsv"), _claim_lines),
    "table": _claim_panel,
}


# --- diff and compare ---------------------------------------------------------------------


def render_diff(output: Output, result: Any) -> None:
    """`diff`: the summary, then one section per verdict, most important first."""
    dispatch(_DIFF_WRITERS, output, result)


def _diff_ids(output: Output, result: Any) -> None:
    ids = [i for line in present.diff_csv_rows(result) for i in (line["a"], line["b"]) if i]
    _write_ids(output, dict.fromkeys(ids))


def _diff_jsonl(output: Output, result: Any) -> None:
    for line in present.diff_lines(result):
        output.out.write(dumps(line) + "\n")


def _diff_cells(result: Any) -> list[list[str]]:
    return [[present.csv_value(get(r)) for _, get in present.DIFF_CSV] for r in present.diff_csv_rows(result)]


def _diff_rows(output: Output, result: Any) -> None:
    write_rows(output, [h for h, _ in present.DIFF_CSV], _diff_cells(result))


def _diff_plain(output: Output, result: Any) -> None:
    """Rows under a header, the section once (a pair's verdict is its section); the summary
    on stderr, as compare's."""
    keep = [i for i, (h, _) in enumerate(present.DIFF_CSV) if h != "section"]
    plain_rows(
        output,
        [present.DIFF_CSV[i][0] for i in keep],
        ([row[i] for i in keep] for row in _diff_cells(result)),
    )
    summary = diff_summary_text(present.diff_json(result)["summary"])
    output.err.write(clean(f"a = {result.source_a}, b = {result.source_b}: {summary}") + "\n")


def _diff_table(output: Output, result: Any) -> None:
    from rich.text import Text

    rows = present.diff_csv_rows(result)
    doc = present.diff_json(result)
    console = output.console()
    console.print(Text(clean(f"a = {result.source_a}\nb = {result.source_b}")))
    console.print(Text(clean(diff_summary_text(doc["summary"]))))
    for name in present.DIFF_SECTIONS:
        section = [r for r in rows if r["section"] == name]
        if not section:
            continue
        console.print()
        title = f"{section_title(name, result)} ({len(section)})"
        if name in ("only_in_a", "only_in_b"):
            side = "a" if name == "only_in_a" else "b"
            lay_out(
                output,
                ["id", "says", "statement"],
                [[r[side], r[f"{side}_says"], r[f"{side}_statement"]] for r in section],
                title,
            )
        else:
            lay_out(
                output,
                ["a", "b", "a says", "b says", "why", "statement"],
                [
                    [
                        r["a"],
                        r["b"],
                        r["a_says"],
                        r["b_says"],
                        r["reason"],
                        r["a_statement"]
                        if r["a_statement"] == r["b_statement"]
                        else f"a: {r['a_statement']}\nb: {r['b_statement']}",
                    ]
                    for r in section
                ],
                title,
            )


_DIFF_WRITERS: dict[str, Writer] = {
    "count": lambda output, result: _write_count(output, len(present.diff_lines(result))),
    "ids": _diff_ids,
    "json": lambda output, result: write_json(output.out, present.diff_json(result)),
    "jsonl": _diff_jsonl,
    "csv": _diff_rows,
    "tsv": _diff_rows,
    "plain": _diff_plain,
    "table": _diff_table,
}


def section_title(name: str, result: Any) -> str:
    if name == "only_in_a":
        return f"only in a, {result.source_a}"
    if name == "only_in_b":
        return f"only in b, {result.source_b}"
    return name


def _verdict_count(n: int, verdict: str) -> str:
    """ "2 conflicts", "1 conflict", "0 agree": a verdict that is a noun takes its plural."""
    if verdict in ("conflict", "proposition"):
        return present.count_text(n, verdict)
    return f"{n} {verdict.replace('_', ' ')}"


def diff_summary_text(summary: dict[str, Any]) -> str:
    parts = [_verdict_count(summary[k], k) for k in present.DIFF_SECTIONS]
    return ", ".join(parts) + ("" if summary["differs"] else "; no differences")


def matrix_summary_text(summary: dict[str, int]) -> str:
    return ", ".join(
        _verdict_count(v, k.rstrip("s") if k == "propositions" else k) for k, v in summary.items()
    )


def render_matrix(output: Output, matrix: Any) -> None:
    """`compare`: propositions down, sources across, what each source gives in the cells."""
    doc = present.matrix_json(matrix) if matrix is not None else present.empty_matrix_json()
    dispatch(_MATRIX_WRITERS, output, doc)


def _matrix_ids(output: Output, doc: dict[str, Any]) -> None:
    ids = [i for row in doc["rows"] for c in row["cells"].values() for i in c["claims"]]
    _write_ids(output, dict.fromkeys(ids))


def _matrix_jsonl(output: Output, doc: dict[str, Any]) -> None:
    for row in doc["rows"]:
        output.out.write(dumps(row) + "\n")


def _matrix_rows(output: Output, doc: dict[str, Any]) -> None:
    cols = present.matrix_csv_columns(doc["sources"])
    write_rows(
        output,
        [h for h, _ in cols],
        ([present.csv_value(get(r)) for _, get in cols] for r in doc["rows"]),
    )


def _matrix_cells(doc: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """The matrix as people read it: headers, and one row per proposition."""
    headers = ["proposition", *doc["sources"], "status", "why"]
    rows = [
        [
            r["statement"],
            *(_cell_with_ids(r["cells"][sid]) for sid in doc["sources"]),
            r["status"],
            r["reason"],
        ]
        for r in doc["rows"]
    ]
    return headers, rows


def _cell_with_ids(cell: dict[str, Any]) -> str:
    """What a source says, with the claims that say it, so a cell leads to `factcli show`:
    "2017-10-25 (c0030)"."""
    if not cell.get("claims"):
        return cell.get("says") or ""
    return f"{cell.get('says') or ''} ({', '.join(cell['claims'])})"


def _matrix_plain(output: Output, doc: dict[str, Any]) -> None:
    headers, rows = _matrix_cells(doc)
    plain_rows(output, headers, rows)
    output.err.write(clean(matrix_summary_text(doc["summary"])) + "\n")


def _matrix_table(output: Output, doc: dict[str, Any]) -> None:
    from rich.text import Text

    headers, rows = _matrix_cells(doc)
    console = output.console()
    console.print(Text(clean(matrix_summary_text(doc["summary"]))))
    lay_out(output, headers, rows)


_MATRIX_WRITERS: dict[str, Writer] = {
    "count": lambda output, doc: _write_count(output, len(doc["rows"])),
    "ids": _matrix_ids,
    "json": lambda output, doc: write_json(output.out, doc),
    "jsonl": _matrix_jsonl,
    "csv": _matrix_rows,
    "tsv": _matrix_rows,
    "plain": _matrix_plain,
    "table": _matrix_table,
}
