"""Synthetic stores for the benchmarks, written through factcli's own importer.

A store of N claims is built from the shipped `facts.json`: its 78 entities as they are,
then one bulk import of N/25 synthetic sources and N claims. Each claim copies a shipped
claim's subject, predicate, object, value, polarity, modality, speaker, via and English
statement; its quote is its news number («الخبر رقم N», N its place among the synthetic
claims) and a ~200-character window of real Arabic article text around the shipped claim's
own quote, and its date is drawn from the dates the shipped store holds.
Each synthetic source is 25 such paragraphs under a shipped title, outlet and date.

The bulk import is `factcli.importer.import_records` on an existing store, the same call
`factcli import` makes; an audit hook counts how many times it opens the store for reading
and how many times it replaces it, so the "one read, one write" property is measured, not
assumed.

Stores are cached in benchmarks/out/ (gitignored) with a sidecar `.meta.json` saying how
they were made; a cache is rebuilt when the shipped store or this generator changes.

    python benchmarks/generate.py 1000 10000 20000 100000     # build what is missing
    python benchmarks/generate.py 100000 --force              # rebuild
    python benchmarks/generate.py --folder 1000000            # a directory store, desk-1000000

A directory store (`--folder`, `ensure_folder`) holds the same records, made directly by the
importer's bulk path into a new folder (`importer.import_new_folder`), which holds a few
thousand claims at a time: a store of a million claims cannot be a single file (files over
512 MiB are refused), and is made this way in minutes with flat memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "facts.json"
OUT = Path(__file__).resolve().parent / "out"
GENERATOR_VERSION = 3  # bump when the shape of the synthetic data changes
CLAIMS_PER_SOURCE = 25
QUOTE_CHARS = 200
SEED = 400

sys.path.insert(0, str(ROOT))  # the checkout's factcli, also when run from elsewhere

from factcli import store  # noqa: E402
from factcli.importer import import_records  # noqa: E402
from factcli.records import FIELD_ORDER  # noqa: E402


def store_path(n: int) -> Path:
    return OUT / f"store-{n}.json"


def _fingerprint() -> dict[str, Any]:
    return {
        "generator": GENERATOR_VERSION,
        "shipped_sha256": hashlib.sha256(SHIPPED.read_bytes()).hexdigest(),
    }


def cached(n: int) -> dict[str, Any] | None:
    """The meta of an up-to-date cached store of n claims, or None."""
    path, meta_path = store_path(n), store_path(n).with_suffix(".meta.json")
    if not (path.exists() and meta_path.exists()):
        return None
    meta = json.loads(meta_path.read_text())
    return meta if {k: meta.get(k) for k in _fingerprint()} == _fingerprint() else None


def ensure(n: int, force: bool = False, log=print) -> Path:
    """Path of a store of n synthetic claims, built (and cached) if needed."""
    if force or cached(n) is None:
        build_store(n, log=log)
    return store_path(n)


# --- the records ----------------------------------------------------------------------


def _window(text: str, start: int, end: int, rng: random.Random) -> tuple[str, int, int] | None:
    """A ~QUOTE_CHARS window of `text` holding text[start:end], cut at spaces, one line."""
    span = end - start
    if span >= QUOTE_CHARS:
        a, b = start, end
    else:
        slack = QUOTE_CHARS - span
        a = max(0, start - rng.randint(0, slack))
        b = min(len(text), a + QUOTE_CHARS)
        a = max(0, min(a, b - QUOTE_CHARS))
        # Snap outwards to word boundaries, never cutting into the claim's own quote.
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
    window = " ".join(text[a:b].split())
    return (window, a, b) if len(window) >= 40 else None


def records(n: int, shipped: store.Facts, seed: int = SEED) -> list[dict[str, Any]]:
    """N/25 sources then N claims, as `factcli import` takes them."""
    out_sources: list[dict[str, Any]] = []
    out_claims: list[dict[str, Any]] = []
    for source, claims in synthetic(n, shipped, seed):
        out_sources.append(source)
        out_claims += claims
    return out_sources + out_claims


def parts(
    n: int, shipped: store.Facts, per_part: int = 200, seed: int = SEED
) -> Iterator[list[dict[str, Any]]]:
    """The records of `records` (the same sources and claims), `per_part` sources at a time,
    each with its claims: what `importer.import_new_folder` takes."""
    part: list[dict[str, Any]] = []
    for k, (source, claims) in enumerate(synthetic(n, shipped, seed), 1):
        part += [source, *claims]
        if k % per_part == 0:
            yield part
            part = []
    if part:
        yield part


def synthetic(
    n: int, shipped: store.Facts, seed: int = SEED
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each synthetic source with its claims, one after another (nothing is held)."""
    rng = random.Random(seed + n)
    texts = {s["id"]: s["text"] for s in shipped.sources}
    templates = []
    for c in shipped.claims:
        cit = c["citation"]
        templates.append((c, texts[cit["source"]], cit["start"], cit["end"]))
    dates = [c["date"] for c in shipped.claims if c["date"]] + [s["published"] for s in shipped.sources]
    days = [d for d in dates if d["precision"] == "day"]
    n_done = 0
    n_sources = -(-n // CLAIMS_PER_SOURCE)
    for k in range(n_sources):
        model = rng.choice(shipped.sources)
        published = dict(rng.choice(days))
        sid = f"synth-{k + 1:06d}-{published['start']}"
        header = f"{model['title']}\n\n{published['text']}\n\n"
        paragraphs, claims = [], []
        offset = len(header)
        for _ in range(min(CLAIMS_PER_SOURCE, n - k * CLAIMS_PER_SOURCE)):
            while True:
                claim, text, start, end = rng.choice(templates)
                cut = _window(text, start, end, rng)
                if cut is not None:
                    break
            # Each quote opens with its news number («الخبر رقم 12345», "news item number
            # 12345"): quotes stay unique, and a query has a word one claim holds next to two
            # words every claim holds (the common-word benchmark of `search_cost.py`).
            quote = f"الخبر رقم {n_done + len(claims) + 1}: {cut[0]}"
            q_start = offset
            paragraphs.append(quote)
            offset += len(quote) + 2
            date = None
            if claim["date"] is not None:
                date = dict(rng.choice(dates)) if rng.random() < 0.5 else dict(claim["date"])
            claims.append(
                {
                    "subject": claim["subject"],
                    "predicate": claim["predicate"],
                    "object": claim["object"],
                    "value": claim["value"],
                    "date": date,
                    "polarity": claim["polarity"],
                    "modality": claim["modality"],
                    "speaker": claim["speaker"],
                    "via": claim["via"],
                    "statement": claim["statement"],
                    "citation": {
                        "source": sid,
                        "quote": quote,
                        "start": q_start,
                        "end": q_start + len(quote),
                    },
                }
            )
        n_done += len(claims)
        yield (
            {
                "id": sid,
                "title": model["title"],
                "outlet": model["outlet"],
                "credited": list(model["credited"]),
                "language": "ar",
                "url": None,
                "published": published,
                "note": "synthetic benchmark source",
                "text": header + "\n\n".join(paragraphs) + "\n",
            },
            claims,
        )


# --- building -------------------------------------------------------------------------


class _StoreIO:
    """Counts, via an audit hook, the opens of the store for reading and its replacements."""

    def __init__(self, path: Path) -> None:
        self.path = os.path.realpath(path)
        self.reads = self.writes = self.temp_files = 0
        self.active = False
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.active:
            return
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            target = os.path.realpath(os.fsdecode(args[0]))
            mode, flags = args[1], args[2]
            if target == self.path and (
                mode in ("r", "rb") or (mode is None and not flags & (os.O_WRONLY | os.O_RDWR))
            ):
                self.reads += 1
            elif os.path.basename(target).startswith(".factcli-"):
                self.temp_files += 1
        elif event == "os.rename":
            # (src, dst, src_dir_fd, dst_dir_fd): the store renames relative to its folder's fd.
            dst, dst_dir_fd = os.fsdecode(args[1]), args[3]
            if dst_dir_fd is not None and dst_dir_fd >= 0:
                dst = os.path.join(os.readlink(f"/proc/self/fd/{dst_dir_fd}"), dst)
            if os.path.realpath(dst) == self.path:
                self.writes += 1


def build_store(n: int, log=print) -> dict[str, Any]:
    OUT.mkdir(exist_ok=True)
    path = store_path(n)
    shipped = store.load(store.Location(SHIPPED, "--db"))
    t0 = time.perf_counter()
    recs = records(n, shipped)
    t_gen = time.perf_counter() - t0
    for stale in (path, path.with_suffix(".meta.json")):
        stale.unlink(missing_ok=True)
    loc = store.Location(path, "--db")
    entities = [{k: e[k] for k in FIELD_ORDER["entities"] if k in e} for e in shipped.entities]
    import_records(loc, entities, create=True)
    io = _StoreIO(path)
    io.active = True
    t0 = time.perf_counter()
    summary = import_records(loc, recs)
    t_import = time.perf_counter() - t0
    io.active = False
    meta = {
        **_fingerprint(),
        "claims": summary.claims,
        "sources": summary.sources,
        "entities": len(entities),
        "bytes": path.stat().st_size,
        "generate_seconds": round(t_gen, 2),
        "import_seconds": round(t_import, 2),
        "import_store_reads": io.reads,
        "import_store_writes": io.writes,
        "import_temp_files": io.temp_files,
        "import_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "last_claim": summary.claim_ids[-1],
    }
    path.with_suffix(".meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    log(
        f"store-{n}: {summary.claims} claims, {summary.sources} sources, {meta['bytes'] / 2**20:.1f} MiB; "
        f"bulk import {t_import:.1f} s with {io.reads} read(s) and {io.writes} write(s) of the store"
    )
    return meta


def folder_path(n: int) -> Path:
    return OUT / f"desk-{n}"


def cached_folder(n: int) -> dict[str, Any] | None:
    """The meta of an up-to-date cached directory store of n claims, or None."""
    meta_path = folder_path(n).with_name(folder_path(n).name + ".meta.json")
    if not (folder_path(n).is_dir() and meta_path.exists()):
        return None
    meta = json.loads(meta_path.read_text())
    return meta if {k: meta.get(k) for k in _fingerprint()} == _fingerprint() else None


def ensure_folder(n: int, force: bool = False, log=print) -> Path:
    """Path of a directory store of n synthetic claims (the records of `ensure(n)`'s file
    store), built (and cached) if needed."""
    if force or cached_folder(n) is None:
        build_folder(n, log=log)
    return folder_path(n)


def build_folder(n: int, log=print) -> dict[str, Any]:
    """The synthetic store of n claims made directly as a directory store, by the importer's
    bulk path (`import_new_folder`): 200 sources and their 5,000 claims checked and written
    at a time, the whole made under a private name and renamed into place at the end."""
    import shutil

    from factcli.importer import import_new_folder

    OUT.mkdir(exist_ok=True)
    path = folder_path(n)
    meta_path = path.with_name(path.name + ".meta.json")
    meta_path.unlink(missing_ok=True)
    shutil.rmtree(path, ignore_errors=True)
    shipped = store.load(store.Location(SHIPPED, "--db"))
    entities = [{k: e[k] for k in FIELD_ORDER["entities"] if k in e} for e in shipped.entities]
    started = time.perf_counter()
    every = max(1, n // 10)

    def told(claims: int) -> None:
        if claims % every < 5000:
            log(f"  desk-{n}: {claims:,} claims, {time.perf_counter() - started:.0f} s", flush=True)

    def all_parts() -> Iterator[list[dict[str, Any]]]:
        yield entities
        yield from parts(n, shipped)

    summary = import_new_folder(path, all_parts(), progress=told)
    took = time.perf_counter() - started
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    meta = {
        **_fingerprint(),
        "claims": summary.claims,
        "sources": summary.sources,
        "entities": len(entities),
        "bytes": size,
        "import_seconds": round(took, 1),
        "import_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    log(
        f"desk-{n}: {summary.claims:,} claims, {summary.sources:,} sources, {size / 2**20:.0f} MiB; "
        f"bulk import into a new folder {took:.1f} s, peak {meta['import_rss_mib']} MiB"
    )
    return meta


def work_folder(n: int, fresh: bool = False) -> tuple[Path, Path]:
    """A working copy of the directory store of n claims that benchmarks may write to, and
    the index cache folder beside it (`FACTCLI_CACHE`), kept between runs so that an index
    built once (twenty minutes at a million claims) serves the next run's warm reads:
    benchmarks/out/work-N/desk and .../cache. Below a million claims the copy is converted
    from the file store (as a user would make it); at a million, copied from `desk-N`."""
    import shutil

    work = OUT / f"work-{n}"
    desk, cache = work / "desk", work / "cache"
    if fresh:
        shutil.rmtree(work, ignore_errors=True)
    if not desk.is_dir():
        work.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(cache, ignore_errors=True)
        if n < 1_000_000:
            from factcli.convert import convert

            convert(store.Location(ensure(n), "--db"), desk)
        else:
            shutil.copytree(ensure_folder(n), desk, symlinks=True)
    cache.mkdir(exist_ok=True)
    return desk, cache


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="+", type=int, help="claims per store, e.g. 1000 10000 100000")
    ap.add_argument("--force", action="store_true", help="rebuild even when a cached store is up to date")
    ap.add_argument(
        "--folder", action="store_true", help="directory stores (desk-N), made by the bulk import"
    )
    args = ap.parse_args(argv)
    for n in args.sizes:
        if args.folder:
            if not args.force and cached_folder(n):
                print(f"desk-{n}: cached ({folder_path(n)})")
            else:
                build_folder(n)
            continue
        if not args.force and cached(n):
            print(f"store-{n}: cached ({store_path(n)})")
        else:
            build_store(n)


if __name__ == "__main__":
    main()
