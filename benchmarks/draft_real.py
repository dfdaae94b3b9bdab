"""How good are drafts of real articles? `factcli draft` on each article of a split of
`benchmarks/eval/articles/` (read blind, by hand), scored against the reader's assertions.

    python benchmarks/draft_real.py                  # dev/: the table, per article and in total
    python benchmarks/draft_real.py --split heldout  # the held-out split (run once, at the end)
    python benchmarks/draft_real.py --json           # the same figures as JSON
    python benchmarks/draft_real.py --misses al-ain  # one article's assertions a draft got wrong

Each article is drafted from its `text`, `published` and `outlet` (and `credited`, as a
reviewer would pass `--credited`) against a copy of the shipped store's entities (none of
its claims). An article with no `published` gets its dateline when the text prints one,
else the interval `UNDATED` (what a reviewer types for an article whose date is unknown).

The reader's entities are names (`name_en`, `name_ar`, `type`); a drafted field holds an
entity id, of the store or of a proposed new entity. The two agree when the entity's
English name or one of its Arabic forms (name, aliases, metonyms, compared after
`normalize`) is the reader's, or the reader's Arabic name is the entity's with a title or
a first name around it (the same person named shorter or longer). A deal has no name of
its own: the reader names it by paraphrase ("Algeria's Su-34 deal"), the draft from its
frame ("Algeria-Russia Su-34 deal"); two agreements agree when their English names share
two or more of the words that tell deals apart (parties, goods: not "deal", "contract",
"arms" ...) and, when both name a model with a number (Su-34, S-400), the same one: the
name a reviewer keeps. A topic (a cooperation or relations between two sides) likewise,
when most of the words of the two names are the same.

Figures, per article and in total:

* coverage: share of assertions some candidate's quote overlaps;
* spo: share of assertions with an overlapping candidate whose subject, predicate and
  object all agree (the candidate a reviewer would keep: the most of the three agreeing,
  then the closest span);
* a reader's assertion with no predicate of the vocabulary it was read against carries the
  one it wanted (`wanted_predicate`); once the shipped vocabulary has that predicate, the
  assertion is scored against it (`gold_predicate`);
* subject ... via: each field's agreement on the covered assertions, with that candidate;
  a date agrees when its interval is the reader's, an object that is a figure when the
  amount and unit are;
* people/orgs: share of the persons and organizations the reader lists that the draft
  knows (a store entity it linked, in a candidate or in its list of the store's entities
  the article names, `Draft.mentioned`) or proposes (a new entity), and of those the
  share with an English name (`named`);
* noise: share of candidates whose quote overlaps no assertion;
* edits: an estimate of a review's keystrokes, counted as field changes: on a kept
  candidate, one per disagreeing field, one for a quote that is not the reader's span and
  one for a statement still to write (a drafted statement counts as confirmed when
  subject, predicate and object are right); an assertion no candidate covers costs its
  quote, its statement and each field the reader filled; every other candidate costs a
  deletion; every person or organization neither known nor proposed costs an entity to
  add. `edits/assertion` divides by the assertions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcli.dates import parse_date  # noqa: E402
from factcli.draft import detect_published, draft_article, parse_published  # noqa: E402
from factcli.normalize import normalize  # noqa: E402
from factcli.vocabulary import PREDICATES  # noqa: E402

ARTICLES = ROOT / "benchmarks" / "eval" / "articles"
STORE = ROOT / "facts.json"
UNDATED = "2000..2025"
FIELDS = ("subject", "predicate", "object", "date", "polarity", "modality", "speaker", "via")
ENTITY_FIELDS = ("subject", "object", "speaker", "via")
COUNTED_TYPES = ("person", "organization")


def store_entities() -> list[dict[str, Any]]:
    data = json.loads(STORE.read_text(encoding="utf-8"))
    ents = data["entities"]
    return [dict(e) for e in (ents.values() if isinstance(ents, dict) else ents)]


def _arabic_forms(entity: dict[str, Any]) -> set[str]:
    forms = [
        entity.get("name_ar"),
        entity.get("name"),
        *(entity.get("aliases") or []),
        *(entity.get("metonyms") or []),
    ]
    return {normalize(f) for f in forms if isinstance(f, str) and f.strip()}


def _english(entity: dict[str, Any]) -> set[str]:
    forms = [entity.get("name"), *(entity.get("aliases") or [])]
    return {f.casefold().strip() for f in forms if isinstance(f, str) and f.isascii() and f.strip()}


# Words every deal's name may hold: they tell no deal from another.
_DEAL_WORDS = {
    "deal",
    "deals",
    "contract",
    "contracts",
    "agreement",
    "agreements",
    "arms",
    "sale",
    "purchase",
    "proposed",
    "reported",
    "the",
    "of",
    "for",
    "to",
    "and",
    "with",
    "a",
    "an",
    "us",
    "military",
}


def _deal_words(name: str) -> set[str]:
    words = set()
    for w in re.findall(r"[\w-]+", name.casefold().replace("'s", "")):
        # Parties joined by a hyphen are words of their own ("morocco-us", "uae-us"); a model's
        # designation has a figure and is one word ("s-400", "j-10c").
        parts = w.split("-") if all(p.isalpha() for p in w.split("-")) else [w]
        words |= {p for p in parts if p and p not in _DEAL_WORDS}
    return words


def same_deal(gold: dict[str, Any], entity: dict[str, Any]) -> bool:
    """The reader's deal and a drafted one: the words that tell deals apart (see above)."""
    a, b = _deal_words(gold.get("name_en") or ""), _deal_words(str(entity.get("name") or ""))
    models_a = {w for w in a if re.search(r"[0-9]", w)}
    models_b = {w for w in b if re.search(r"[0-9]", w)}
    if models_a and models_b and not models_a & models_b:
        return False
    return len(a & b) >= 2


def same_topic(gold: dict[str, Any], entity: dict[str, Any]) -> bool:
    """The reader's topic and a drafted one ("Syria-Russia military cooperation"): most of
    their words the same (two or more, and at least half of all either name)."""
    a, b = _deal_words(gold.get("name_en") or ""), _deal_words(str(entity.get("name") or ""))
    return len(a & b) >= 2 and len(a & b) >= len(a | b) / 2


def same_entity(gold: dict[str, Any] | None, entity: dict[str, Any] | None) -> bool:
    if gold is None or entity is None:
        return gold is None and entity is None
    en = (gold.get("name_en") or "").casefold().strip()
    if en and en in _english(entity):
        return True
    if gold.get("type") == "agreement" and entity.get("type") == "agreement" and same_deal(gold, entity):
        return True
    if gold.get("type") == "topic" and entity.get("type") == "topic" and same_topic(gold, entity):
        return True
    ar = normalize(gold.get("name_ar") or "")
    if not ar:
        return False
    forms = _arabic_forms(entity)
    if ar in forms:
        return True
    if gold.get("type") == "person" or entity.get("type") == "person":
        # The same person named longer or shorter ("كوجين" / "فلاديمير كوجين").
        words = set(ar.split())
        return any(
            len(set(f.split()) & words) >= 1 and (set(f.split()) <= words or words <= set(f.split()))
            for f in forms
        )
    return False


def _date_span(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    if ".." in value:
        a, _, b = value.partition("..")
        return parse_date(a).start.isoformat(), parse_date(b).end.isoformat()
    span = parse_date(value)
    return span.start.isoformat(), span.end.isoformat()


def gold_predicate(gold: dict[str, Any]) -> str | None:
    """The reader's predicate, or the one it wanted once the vocabulary has it."""
    wanted = gold.get("wanted_predicate")
    return gold.get("predicate") or (wanted if wanted in PREDICATES else None)


def agrees(fld: str, gold: dict[str, Any], cand: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> bool:
    if fld == "date":
        got = cand.get("date")
        return _date_span(gold.get("date")) == ((got["start"], got["end"]) if got else None)
    if fld == "predicate":
        return gold_predicate(gold) == cand.get(fld)
    if fld in ("polarity", "modality"):
        return gold.get(fld) == cand.get(fld)
    want = gold.get(fld)
    if fld == "object" and isinstance(want, dict) and "unit" in want:
        value = cand.get("value")
        if not value or value.get("unit") != want["unit"]:
            return False
        amount = want.get("amount", want.get("amount_min"))
        return amount is None or float(value["amount"]) == float(amount)
    got = cand.get(fld)
    if fld == "object" and got is None and cand.get("value") is not None:
        return False
    return same_entity(want, by_id.get(got) if got else None)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _gspan(a: dict[str, Any]) -> tuple[int, int]:
    return a["quote_start"], a["quote_end"]


def _cspan(c: dict[str, Any]) -> tuple[int, int]:
    return c["citation"]["start"], c["citation"]["end"]


def _spo(gold: dict[str, Any], cand: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> int:
    return sum(agrees(f, gold, cand, by_id) for f in ("subject", "predicate", "object"))


def pair(
    gold: dict[str, Any], cands: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    g = _gspan(gold)
    best, best_key = None, None
    for c in cands:
        s = _cspan(c)
        inter = _overlap(g, s)
        if not inter:
            continue
        union = max(g[1], s[1]) - min(g[0], s[0])
        key = (_spo(gold, c, by_id), round(inter / union, 6))
        if best_key is None or key > best_key:
            best, best_key = c, key
    return best


def _filled(gold: dict[str, Any]) -> int:
    n = sum(gold.get(f) is not None for f in ("subject", "object", "date", "speaker", "via"))
    n += gold_predicate(gold) is not None
    return n + (gold.get("polarity") != "affirmed") + (gold.get("modality") != "fact")


def score_article(article: dict[str, Any], entities: list[dict[str, Any]]) -> dict[str, Any]:
    text = article["text"]
    published = None
    if article.get("published"):
        published = parse_published(article["published"])
    elif detect_published(text) is None:
        published = parse_published(UNDATED)
    drafted = draft_article(
        text,
        [dict(e) for e in entities],
        published=published,
        outlet=article.get("outlet"),
        url=article.get("url"),
        credited=list(article.get("credited") or []),
    )
    by_id = {e["id"]: e for e in [*entities, *drafted.entities]}
    cands = drafted.claims
    gold = article["assertions"]
    pairs = [(g, pair(g, cands, by_id)) for g in gold]
    covered = [(g, c) for g, c in pairs if c is not None]
    out: dict[str, Any] = {"assertions": len(gold), "candidates": len(cands), "covered": len(covered)}
    out["spo"] = sum(_spo(g, c, by_id) == 3 for g, c in covered)
    for fld in FIELDS:
        out[fld] = sum(agrees(fld, g, c, by_id) for g, c in covered)
    noise = [c for c in cands if not any(_overlap(_cspan(c), _gspan(g)) for g in gold)]
    out["noise"] = len(noise)
    # People and organizations: known (linked) or proposed, and named in English.
    used = {c.get(f) for c in cands for f in ENTITY_FIELDS if c.get(f)} | set(drafted.mentioned)
    seen = [by_id[i] for i in used if i in by_id] + list(drafted.entities)
    wanted = [e for e in article.get("entities", []) if e.get("type") in COUNTED_TYPES]
    found = [next((s for s in seen if same_entity(w, s)), None) for w in wanted]
    out["people_orgs"] = len(wanted)
    out["proposed"] = sum(f is not None for f in found)
    out["named"] = sum(f is not None and bool(_english(f)) for f in found)
    # Edits a review needs.
    kept_ids = {id(c) for _, c in covered}
    edits = 0
    for g, c in pairs:
        if c is None:
            edits += 2 + _filled(g)
            continue
        edits += sum(not agrees(f, g, c, by_id) for f in FIELDS)
        edits += _cspan(c) != _gspan(g)
        drafted = c.get("statement") or (c.get("draft") or {}).get("statement")
        edits += not (drafted and _spo(g, c, by_id) == 3)
    edits += sum(id(c) not in kept_ids for c in cands)
    edits += len(wanted) - out["proposed"]
    out["edits"] = edits
    out["pairs"] = pairs
    out["by_id"] = by_id
    return out


def load(split: str) -> dict[str, dict[str, Any]]:
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((ARTICLES / split).glob("*.json"))
    }


COUNTS = (
    "assertions",
    "candidates",
    "covered",
    "spo",
    *FIELDS,
    "noise",
    "people_orgs",
    "proposed",
    "named",
    "edits",
)


def run(split: str) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    entities = store_entities()
    results = {name: score_article(a, entities) for name, a in load(split).items()}
    total = {k: sum(r[k] for r in results.values()) for k in COUNTS}
    return results, total


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}%" if d else "-"


def _row(name: str, r: dict[str, Any]) -> list[str]:
    return [
        name,
        str(r["assertions"]),
        str(r["candidates"]),
        _pct(r["covered"], r["assertions"]),
        _pct(r["spo"], r["assertions"]),
        *(_pct(r[f], r["covered"]) for f in FIELDS),
        f"{r['proposed']}/{r['people_orgs']} ({_pct(r['named'], r['people_orgs'])} named)",
        _pct(r["noise"], r["candidates"]),
        f"{r['edits']} ({r['edits'] / r['assertions']:.1f})" if r["assertions"] else str(r["edits"]),
    ]


def table(results: dict[str, dict[str, Any]], total: dict[str, Any]) -> str:
    cols = [
        "article",
        "assertions",
        "candidates",
        "coverage",
        "spo",
        *FIELDS,
        "people/orgs",
        "noise",
        "edits (per assertion)",
    ]
    rows = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for name, r in results.items():
        rows.append("| " + " | ".join(_row(name, r)) + " |")
    rows.append("| " + " | ".join(_row("**total**", total)) + " |")
    return "\n".join(rows) + "\n"


def _show(entity_id: Any, by_id: dict[str, dict[str, Any]]) -> str:
    e = by_id.get(entity_id) if isinstance(entity_id, str) else None
    return f"{e['name']}" if e else str(entity_id)


def misses(result: dict[str, Any]) -> str:
    by_id = result["by_id"]
    lines = []
    for g, c in result["pairs"]:
        head = f"{g['quote_start']}:{g['quote_end']} {(g['subject'] or {}).get('name_en')} {gold_predicate(g) or '(' + str(g.get('wanted_predicate')) + ')'} {(g['object'] or {}).get('name_en', g['object'])}"
        if c is None:
            lines.append(f"MISSED {head} | {g['quote'][:60]}")
            continue
        wrong = []
        for f in FIELDS:
            if agrees(f, g, c, by_id):
                continue
            want = g.get(f)
            want_s = want.get("name_en", want) if isinstance(want, dict) else want
            got = c.get(f) if f != "date" else c.get("date")
            got_s = _show(got, by_id) if f in ENTITY_FIELDS else got
            if f == "object" and c.get("value"):
                got_s = c["value"]
            if f == "date" and got:
                got_s = f"{got['start']}..{got['end']}"
            wrong.append(f"{f}: {want_s} != {got_s}")
        if wrong:
            lines.append(f"{head} | " + "; ".join(wrong) + f" | {g['quote'][:50]}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", help="dev (default) or heldout")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--misses", metavar="ARTICLE", help="an article's assertions a draft got wrong (name prefix)"
    )
    args = parser.parse_args()
    results, total = run(args.split)
    if args.misses:
        for name, r in results.items():
            if name.startswith(args.misses):
                print(f"## {name}\n{misses(r)}")
        return 0
    if args.json:
        clean = {n: {k: v for k, v in r.items() if k not in ("pairs", "by_id")} for n, r in results.items()}
        print(
            json.dumps({"split": args.split, "articles": clean, "total": total}, indent=2, ensure_ascii=False)
        )
        return 0
    print(table(results, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
