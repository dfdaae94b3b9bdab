"""How good are drafted claims? `factcli draft` on each seed article, scored against the
curated claims of the shipped corpus.

    python benchmarks/draft_eval.py            # the table, per article and overall
    python benchmarks/draft_eval.py --json     # the same figures as JSON
    python benchmarks/draft_eval.py --misses 000   # curated claims a draft got wrong, for one article

Each article is drafted with the shipped entities and none of the shipped claims. Its
publication date is read from the article's dateline when it prints one (the table says
whether that agrees with the curated date); an article without a dateline gets the curated
`published` interval, as a reviewer would pass it with `--published START..END`.

Scores, read from whatever `tests/corpus` holds when this runs:

* recall: share of curated claims whose quote overlaps some draft's quote;
* on matched pairs, agreement of subject, predicate, object, date interval (start and end,
  both null counts as agreeing), polarity, modality, speaker and via. A curated claim is
  paired with the overlapping draft whose span is closest to its own (largest overlap
  over union); drafts with the same span (one clause, several subjects) are told apart
  by how many of subject, predicate and object agree;
* unmatched: share of drafts whose quote overlaps no curated claim.

The cue lexicon was tuned on articles 000-002; 003 and 004 are held out and reported
apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcli.datespan import DateSpan  # noqa: E402
from factcli.draft import detect_published, draft_article  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
FIELDS = ("subject", "predicate", "object", "date", "polarity", "modality", "speaker", "via")
TUNED = ("000", "001", "002")
HELD_OUT = ("003", "004")
TARGETS = {"recall": 0.90, "date": 0.90, "polarity": 0.85, "modality": 0.85, "speaker": 0.80, "via": 0.80}
MAX_UNMATCHED = 0.25


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus() -> tuple[list[dict], dict[str, list[dict]], list[dict]]:
    """Entities, claims by article number, sources in article order."""
    sources = read_jsonl(CORPUS / "sources.jsonl")
    entities = read_jsonl(CORPUS / "entities.jsonl")
    claims: dict[str, list[dict]] = {}
    for path in sorted(CORPUS.glob("claims-*.jsonl")):
        claims[path.stem.split("-", 1)[1]] = read_jsonl(path)
    return entities, claims, sources


def _span(claim: dict) -> tuple[int, int]:
    return claim["citation"]["start"], claim["citation"]["end"]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _date_key(d: dict | None) -> tuple | None:
    return (d["start"], d["end"]) if d else None


def agrees(fld: str, gold: dict, drafted: dict) -> bool:
    if fld == "date":
        return _date_key(gold.get("date")) == _date_key(drafted.get("date"))
    return gold.get(fld) == drafted.get(fld)


def pair(gold: dict, drafts: list[dict]) -> dict | None:
    g = _span(gold)
    best, best_key = None, None
    for d in drafts:
        s = _span(d)
        inter = _overlap(g, s)
        if not inter:
            continue
        union = max(g[1], s[1]) - min(g[0], s[0])
        key = (round(inter / union, 6), sum(agrees(f, gold, d) for f in ("subject", "predicate", "object")))
        if best_key is None or key > best_key:
            best, best_key = d, key
    return best


def score(gold: list[dict], drafts: list[dict]) -> dict:
    pairs = [(g, pair(g, drafts)) for g in gold]
    matched = [(g, d) for g, d in pairs if d is not None]
    out = {"curated": len(gold), "drafts": len(drafts), "matched": len(matched)}
    out["recall"] = len(matched) / len(gold) if gold else 0.0
    for fld in FIELDS:
        out[fld] = sum(agrees(fld, g, d) for g, d in matched) / len(matched) if matched else 0.0
    unmatched = [d for d in drafts if not any(_overlap(_span(d), _span(g)) for g in gold)]
    out["unmatched"] = len(unmatched) / len(drafts) if drafts else 0.0
    out["pairs"] = pairs
    return out


def run() -> tuple[dict[str, dict], dict[str, dict]]:
    entities, claims, sources = corpus()
    by_id = {s["id"]: s for s in sources}
    results: dict[str, dict] = {}
    for number, gold in claims.items():
        source = by_id[gold[0]["citation"]["source"]]
        detected = detect_published(source["text"])
        published = None if detected else DateSpan.from_dict(source["published"])
        drafted = draft_article(source["text"], entities, published=published, source_id=source["id"])
        result = score(gold, drafted.claims)
        if detected:
            cur = source["published"]
            result["dateline"] = (
                "agrees"
                if (detected[0].start.isoformat(), detected[0].end.isoformat()) == (cur["start"], cur["end"])
                else "differs"
            )
        else:
            result["dateline"] = "none (given)"
        results[number] = result
    groups = {"tuned (000-002)": TUNED, "held out (003-004)": HELD_OUT, "all": tuple(claims)}
    totals = {}
    for name, numbers in groups.items():
        gold = [c for n in numbers if n in claims for c in claims[n]]
        pairs = [p for n in numbers if n in results for p in results[n]["pairs"]]
        matched = [(g, d) for g, d in pairs if d is not None]
        drafts = sum(results[n]["drafts"] for n in numbers if n in results)
        unmatched = sum(results[n]["unmatched"] * results[n]["drafts"] for n in numbers if n in results)
        t = {
            "curated": len(gold),
            "drafts": drafts,
            "matched": len(matched),
            "recall": len(matched) / len(gold) if gold else 0.0,
            "unmatched": unmatched / drafts if drafts else 0.0,
        }
        for fld in FIELDS:
            t[fld] = sum(agrees(fld, g, d) for g, d in matched) / len(matched) if matched else 0.0
        totals[name] = t
    return results, totals


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def table(results: dict[str, dict], totals: dict[str, dict]) -> str:
    cols = ["article", "curated", "drafts", "recall", *FIELDS, "unmatched", "dateline"]
    rows = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for number, r in results.items():
        tag = number + (" (held out)" if number in HELD_OUT else "")
        rows.append(
            "| "
            + " | ".join(
                [
                    tag,
                    str(r["curated"]),
                    str(r["drafts"]),
                    _pct(r["recall"]),
                    *(_pct(r[f]) for f in FIELDS),
                    _pct(r["unmatched"]),
                    r["dateline"],
                ]
            )
            + " |"
        )
    for name, t in totals.items():
        rows.append(
            "| "
            + " | ".join(
                [
                    f"**{name}**",
                    str(t["curated"]),
                    str(t["drafts"]),
                    _pct(t["recall"]),
                    *(_pct(t[f]) for f in FIELDS),
                    _pct(t["unmatched"]),
                    "",
                ]
            )
            + " |"
        )
    targets = (
        ", ".join(f"{k} ≥ {_pct(v)}" for k, v in TARGETS.items()) + f", unmatched ≤ {_pct(MAX_UNMATCHED)}"
    )
    return "\n".join(rows) + f"\n\nTargets: {targets}.\n"


def misses(result: dict) -> str:
    lines = []
    for g, d in result["pairs"]:
        if d is None:
            lines.append(
                f"MISSED {g['citation']['start']}:{g['citation']['end']} {g['predicate']} {g['citation']['quote'][:60]}"
            )
            continue
        wrong = [f"{f}: {_show(g, f)} != {_show(d, f)}" for f in FIELDS if not agrees(f, g, d)]
        if wrong:
            lines.append(
                f"{g['citation']['start']}:{g['citation']['end']} {g['subject']} {g['predicate']} {g['object']} | "
                + "; ".join(wrong)
                + f" | {g['citation']['quote'][:50]}"
            )
    return "\n".join(lines)


def _show(c: dict, f: str) -> str:
    return str(_date_key(c.get("date"))) if f == "date" else str(c.get(f))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--misses", metavar="NNN", help="list the curated claims of article NNN a draft got wrong"
    )
    args = parser.parse_args()
    results, totals = run()
    if args.misses:
        print(misses(results[args.misses]))
        return 0
    if args.json:
        clean = {n: {k: v for k, v in r.items() if k != "pairs"} for n, r in results.items()}
        print(json.dumps({"articles": clean, "totals": totals}, indent=2, ensure_ascii=False))
        return 0
    print(table(results, totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
