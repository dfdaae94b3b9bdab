"""Check the evaluation articles: every quote is text[quote_start:quote_end]; every predicate,
entity type, polarity and modality is in factcli's controlled vocabulary (a null predicate must
carry wanted_predicate); dates are ISO at their precision (or START..END); figures use the
vocabulary's units unless marked wanted_unit. Reads only factcli/vocabulary.py, by path.

    python3 benchmarks/eval/articles/validate.py [--vocab PATH]   # default: the repo's factcli/vocabulary.py
"""

from __future__ import annotations

import argparse
import json
import re
import runpy
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEYS = ["url", "outlet", "title", "published", "text", "entities", "assertions"]


def check_date(s) -> bool:
    if s is None:
        return True
    parts = s.split("..")
    return 1 <= len(parts) <= 2 and all(DATE.match(p) for p in parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", help="the vocabulary module to check against (default: the repo's)")
    args = ap.parse_args()
    # The default is worked out only when needed: a copy of this script run elsewhere (a
    # reader's folder outside the repo) names its vocabulary with --vocab.
    v = runpy.run_path(args.vocab or str(HERE.parents[2] / "factcli" / "vocabulary.py"))
    preds, types = set(v["PREDICATES"]), set(v["ENTITY_TYPES"])
    pols, mods, units = set(v["POLARITIES"]), set(v["MODALITIES"]), set(v["UNITS"])

    problems: list[str] = []
    counts: dict[str, Counter] = {}
    wanted = Counter()
    for split in ("dev", "heldout"):
        c = counts.setdefault(split, Counter())
        for path in sorted((HERE / split).glob("*.json")):
            raw = path.read_text(encoding="utf-8")
            d = json.loads(raw)
            where = f"{split}/{path.name}"
            if "\\u06" in raw:
                problems.append(f"{where}: Arabic escaped (ensure_ascii)")
            for k in KEYS:
                if k not in d:
                    problems.append(f"{where}: missing {k}")
            if not check_date(d.get("published")):
                problems.append(f"{where}: published {d.get('published')!r}")
            text = d["text"]
            c["articles"] += 1
            c["outlet:" + d["outlet"]] += 1

            def ent(e, field, i, where=where):
                if e is None:
                    return
                if not isinstance(e, dict) or not e.get("name_en") or not e.get("name_ar"):
                    problems.append(f"{where} #{i}: {field} lacks names: {e!r}")
                elif e.get("type") not in types:
                    problems.append(f"{where} #{i}: {field} type {e.get('type')!r}")

            for j, e in enumerate(d["entities"]):
                ent(e, "entity", f"e{j}")
                if e["type"] not in ("person", "organization", "unclassified"):
                    problems.append(f"{where}: entity list holds a {e['type']}")
            for i, a in enumerate(d["assertions"]):
                c["assertions"] += 1
                q, s, t = a["quote"], a["quote_start"], a["quote_end"]
                if text[s:t] != q:
                    problems.append(f"{where} #{i}: text[{s}:{t}] != quote {q!r}")
                p = a["predicate"]
                if p is None:
                    if not a.get("wanted_predicate"):
                        problems.append(f"{where} #{i}: null predicate without wanted_predicate")
                    else:
                        wanted[a["wanted_predicate"]] += 1
                        c["wanted"] += 1
                elif p not in preds:
                    problems.append(f"{where} #{i}: predicate {p!r} not in vocabulary")
                if a["polarity"] not in pols:
                    problems.append(f"{where} #{i}: polarity {a['polarity']!r}")
                if a["modality"] not in mods:
                    problems.append(f"{where} #{i}: modality {a['modality']!r}")
                if not check_date(a.get("date")):
                    problems.append(f"{where} #{i}: date {a.get('date')!r}")
                if not a.get("statement"):
                    problems.append(f"{where} #{i}: no statement")
                ent(a["subject"], "subject", i)
                ent(a["speaker"], "speaker", i)
                ent(a["via"], "via", i)
                o = a["object"]
                if isinstance(o, dict) and "type" not in o:
                    u = o.get("unit")
                    if u is not None and u not in units and not o.get("wanted_unit"):
                        problems.append(f"{where} #{i}: unit {u!r} not in vocabulary")
                    if not any(k in o for k in ("amount", "amount_min")):
                        problems.append(f"{where} #{i}: value without amount")
                else:
                    ent(o, "object", i)
                if p in v["ROLE_PREDICATES"] and (o or {}).get("type") != "office":
                    problems.append(f"{where} #{i}: {p} object is not an office")

    for split, c in counts.items():
        outlets = [k for k in c if k.startswith("outlet:")]
        print(
            f"{split}: {c['articles']} articles, {len(outlets)} outlets, "
            f"{c['assertions']} assertions ({c['wanted']} with a wanted predicate)"
        )
    all_outlets = {k for c in counts.values() for k in c if k.startswith("outlet:")}
    print(
        f"total: {sum(c['articles'] for c in counts.values())} articles, {len(all_outlets)} outlets, "
        f"{sum(c['assertions'] for c in counts.values())} assertions"
    )
    print("wanted predicates:", ", ".join(f"{k} ({n})" for k, n in wanted.most_common()))
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
