"""A probe of the next step for large stores: a SQLite FTS5 index derived from facts.json.

Not part of factcli. It measures what a derived index would buy: `build` reads a store once
and writes an index beside it in benchmarks/out/ (facts.json stays the single source of
truth; the index is a cache, rebuilt when the store's size or mtime changes); `query` is
what `factcli search TERM --json` would do against it: one cold process that normalizes
the term exactly as factcli does, finds claims by phrase, by stem, or by naming the entity
the term spells (subject/object/speaker/via or an alias phrase in the text), and prints the
stored JSON records, without reading the store file at all.

    python benchmarks/fts5.py build benchmarks/out/store-100000.json
    python benchmarks/fts5.py query benchmarks/out/store-100000.fts5.sqlite S-400
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcli.normalize import normalize, stems  # noqa: E402

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE claims(rowid INTEGER PRIMARY KEY, id TEXT, subject TEXT, object TEXT, speaker TEXT, via TEXT,
                    record TEXT);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_object ON claims(object);
CREATE INDEX claims_speaker ON claims(speaker);
CREATE INDEX claims_via ON claims(via);
CREATE TABLE names(key TEXT, entity TEXT);
CREATE INDEX names_key ON names(key);
-- Normalized text is already tokens joined by single spaces; FTS5 only has to split on them.
CREATE VIRTUAL TABLE claim_text USING fts5(text, stems, content='', tokenize="unicode61 remove_diacritics 0");
"""


def index_path(store: Path) -> Path:
    return store.with_name(store.stem + ".fts5.sqlite")


def _stamp(store: Path) -> str:
    st = store.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def build(store: Path, out: Path | None = None) -> tuple[Path, float]:
    """(index path, seconds to build it); an up-to-date index is reused."""
    from factcli import store as store_mod
    from factcli.lexicon import names_of
    from factcli.present import claim_record

    out = out or index_path(store)
    if out.exists():
        with sqlite3.connect(out) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
            built = db.execute("SELECT value FROM meta WHERE key = 'seconds'").fetchone()
        if row and row[0] == _stamp(store):
            return out, float(built[0])
    t0 = time.perf_counter()
    facts = store_mod.load(store_mod.Location(store, "--db"))
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    names = {(normalize(n), e["id"]) for e in facts.entities for n in names_of(e)}
    db.executemany("INSERT INTO names VALUES (?, ?)", sorted(n for n in names if n[0]))
    rows, texts = [], []
    for i, c in enumerate(facts.claims, 1):
        rows.append(
            (
                i,
                c["id"],
                c.get("subject"),
                c.get("object"),
                c.get("speaker"),
                c.get("via"),
                json.dumps(claim_record(facts, c), ensure_ascii=False),
            )
        )
        keys = c.get("keys") or {}
        texts.append((i, " \n ".join(keys.get("text") or ()), " ".join(keys.get("stems") or ())))
    db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO claim_text(rowid, text, stems) VALUES (?, ?, ?)", texts)
    seconds = time.perf_counter() - t0
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("stamp", _stamp(store)), ("seconds", f"{seconds:.2f}")]
    )
    db.commit()
    db.close()
    os.replace(tmp, out)
    return out, seconds


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def query(index: Path, term: str) -> list[str]:
    """JSON records of the claims the term meets, as `search TERM` defines meeting."""
    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    key = normalize(term)
    if not key:
        return []
    tokens = key.split(" ")
    # Phrase in the text, or every token met by itself or one of its stems.
    per_token = [
        "("
        + " OR ".join(
            [f"text:{_phrase(t)}", *(f"stems:{_phrase(k)}" for k in (t, *stems(t)))]
            + [f"text:{_phrase(k)}" for k in stems(t)]
        )
        + ")"
        for t in tokens
    ]
    match = f"text:{_phrase(key)} OR ({' AND '.join(per_token)})"
    ids = [r[0] for r in db.execute("SELECT entity FROM names WHERE key = ?", (key,))]
    sql = "SELECT rowid FROM claim_text WHERE claim_text MATCH ?"
    params: list[str] = [match]
    if ids:
        marks = ",".join("?" * len(ids))
        aliases = [
            r[0]
            for r in db.execute(f"SELECT DISTINCT key FROM names WHERE entity IN ({marks})", ids)
            if len(r[0]) >= 3
        ]
        if aliases:
            sql += " UNION SELECT rowid FROM claim_text WHERE claim_text MATCH ?"
            params.append("text:(" + " OR ".join(_phrase(a) for a in aliases) + ")")
        for fld in ("subject", "object", "speaker", "via"):
            sql += f" UNION SELECT rowid FROM claims WHERE {fld} IN ({marks})"
            params += ids
    found = f"SELECT record FROM claims WHERE rowid IN ({sql}) ORDER BY rowid"
    return [r[0] for r in db.execute(found, params)]


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 2 and args[0] == "build":
        path, seconds = build(Path(args[1]))
        print(f"{path}: built in {seconds:.1f} s, {path.stat().st_size / 2**20:.1f} MiB", file=sys.stderr)
    elif len(args) == 3 and args[0] == "query":
        records = query(Path(args[1]), args[2])
        out = sys.stdout
        out.write("[" + ",\n".join(records) + "]\n")
        sys.exit(0 if records else 1)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
