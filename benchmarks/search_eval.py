"""Score `factcli search` against the blind evaluation queries of `benchmarks/eval/`.

Each query (see `benchmarks/eval/QUERIES.md`) runs through factcli's search in this process,
on the shipped store, with no limit. A query passes when every `must` claim is found, no
`must_not` claim is found, and every `top3` claim is among the first three; a query whose
`must` is empty passes only when nothing is found (the CLI's exit status 1). The softer
score is the mean of the three parts, each the share of its list met (a part with an empty
list counts 1; an empty `must` counts 1 when nothing is found, else 0).

    python benchmarks/search_eval.py                # the development set
    python benchmarks/search_eval.py --set heldout  # once, at the end
    python benchmarks/search_eval.py -v             # every failing query with its ids

The failure causes: `missed` (a `must` claim not found), `wrong` (a `must_not` claim found),
`rank` (a `top3` claim found but not in the first three), `found` (something found where
nothing should be), `error` (the search refused the query).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcli import search, store  # noqa: E402
from factcli.errors import InputError  # noqa: E402

EVAL = ROOT / "benchmarks" / "eval"
SETS = {"dev": EVAL / "queries-dev.jsonl", "heldout": EVAL / "queries-heldout.jsonl"}


@dataclass
class Result:
    query: dict[str, Any]
    found: list[str]
    causes: list[str] = field(default_factory=list)
    soft: float = 0.0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    unranked: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def passed(self) -> bool:
        return not self.causes


def run_query(facts: store.Facts, query: dict[str, Any]) -> Result:
    try:
        hits = search.search(facts, search.Query(terms=list(query["query"])))
        found = [h.claim["id"] for h in hits]
        error = ""
    except InputError as exc:
        found, error = [], str(exc)
    return score(query, found, error)


def score(query: dict[str, Any], found: list[str], error: str = "") -> Result:
    got = set(found)
    first3 = set(found[:3])
    must, must_not, top3 = query["must"], query["must_not"], query["top3"]
    result = Result(query, found, error=error)
    result.missed = [c for c in must if c not in got]
    result.wrong = [c for c in must_not if c in got]
    result.unranked = [c for c in top3 if c not in first3]
    if error:
        result.causes.append("error")
    if result.missed:
        result.causes.append("missed")
    if result.wrong:
        result.causes.append("wrong")
    if [c for c in result.unranked if c in got]:
        result.causes.append("rank")
    if not must and found:
        result.causes.append("found")
    parts = [
        (1.0 if not found else 0.0) if not must else 1 - len(result.missed) / len(must),
        1 - len(result.wrong) / len(must_not) if must_not else 1.0,
        1 - len(result.unranked) / len(top3) if top3 else 1.0,
    ]
    result.soft = sum(parts) / len(parts)
    return result


def load_queries(which: str) -> list[dict[str, Any]]:
    with open(SETS[which], encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(which: str, store_path: Path = ROOT / "facts.json") -> list[Result]:
    facts = store.load(store.Location(store_path, "--db"))
    return [run_query(facts, q) for q in load_queries(which)]


def _table(title: str, groups: dict[str, list[Result]]) -> list[str]:
    lines = [
        f"| {title} | pass | soft | missed | wrong | rank | found | error |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key in sorted(groups, key=lambda k: (k == "all", k)):
        rs = groups[key]
        causes = Counter(c for r in rs for c in r.causes)
        passed = sum(r.passed for r in rs)
        soft = sum(r.soft for r in rs) / len(rs)
        lines.append(
            f"| {key} | {passed}/{len(rs)} | {soft:.2f} | "
            + " | ".join(str(causes.get(c, 0)) for c in ("missed", "wrong", "rank", "found", "error"))
            + " |"
        )
    return lines


def report(results: list[Result], verbose: bool = False) -> str:
    by_kind: dict[str, list[Result]] = defaultdict(list)
    by_lang: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_kind[r.query["kind"]].append(r)
        by_lang[r.query["lang"]].append(r)
        by_kind["all"].append(r)
        by_lang["all"].append(r)
    lines = [*_table("kind", by_kind), "", *_table("language", by_lang), ""]
    for r in results:
        if r.passed and not verbose:
            continue
        q = r.query
        mark = "pass" if r.passed else "FAIL " + ",".join(r.causes)
        lines.append(f"{q['id']} {q['kind']:<12} {json.dumps(q['query'], ensure_ascii=False)}: {mark}")
        if r.missed:
            lines.append(f"    missed: {' '.join(r.missed)}")
        if r.wrong:
            lines.append(f"    wrong: {' '.join(r.wrong)}")
        if r.unranked:
            lines.append(f"    not in top 3: {' '.join(r.unranked)}; first: {' '.join(r.found[:5])}")
        if "found" in r.causes:
            lines.append(f"    found {len(r.found)}: {' '.join(r.found[:8])}")
        if r.error:
            lines.append(f"    error: {r.error}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(SETS), default="dev")
    parser.add_argument("--db", type=Path, default=ROOT / "facts.json")
    parser.add_argument("-v", "--verbose", action="store_true", help="list passing queries too")
    args = parser.parse_args(argv)
    results = evaluate(args.set, args.db)
    if not results:
        # Each held-out part joins dev once run; until a new part is written blind, none.
        print(f"search_eval: the {args.set} set holds no queries", file=sys.stderr)
        return 2
    print(report(results, args.verbose))
    passed = sum(r.passed for r in results)
    print(f"\n{args.set}: {passed}/{len(results)} pass ({100 * passed / len(results):.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
