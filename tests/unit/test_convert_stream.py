"""Conversion and the bulk import into a new folder, a part at a time: the same bytes as a
whole-document conversion, and a failure or a kill half-way leaves nothing at the target."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHIPPED, factcli

from factcli import convert as converting
from factcli import store
from factcli.errors import StoreError
from factcli.importer import ValidationError, import_new_folder
from factcli.store import directory

ROOT = Path(__file__).resolve().parents[2]


def leftovers(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith(".factcli-"))


def test_a_folder_read_two_sources_at_a_time_becomes_the_shipped_file_byte_for_byte(tmp_path, monkeypatch):
    folder = tmp_path / "desk"
    factcli("convert", str(SHIPPED), str(folder)).ok()
    monkeypatch.setattr(converting, "PART", 2)  # the shipped store's sources in several parts
    back = tmp_path / "back.json"
    done = converting.convert(store.Location(folder, "--db"), back)
    assert back.read_bytes() == SHIPPED.read_bytes()
    shipped = json.loads(SHIPPED.read_bytes())
    assert (done.sources, done.entities, done.claims) == tuple(
        len(shipped[t]) for t in ("sources", "entities", "claims")
    )


def test_a_store_without_claims_converts_back_to_the_same_file(tmp_path):
    doc = json.loads(SHIPPED.read_bytes())
    doc["claims"] = {}
    small = tmp_path / "small.json"
    small.write_bytes(store.dumps(doc))
    factcli("convert", str(small), str(tmp_path / "desk")).ok()
    factcli("convert", str(tmp_path / "desk"), str(tmp_path / "back.json")).ok()
    assert (tmp_path / "back.json").read_bytes() == small.read_bytes()


def test_a_conversion_to_a_folder_that_fails_half_way_leaves_nothing(tmp_path, monkeypatch):
    written = []
    real = directory.NewStore.add_source

    def failing(self, src, claims):
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        written.append(src["id"])
        real(self, src, claims)

    monkeypatch.setattr(directory.NewStore, "add_source", failing)
    with pytest.raises(OSError):
        converting.convert(store.Location(SHIPPED, "--db"), tmp_path / "desk")
    assert len(written) == 3
    assert not os.path.lexists(tmp_path / "desk") and leftovers(tmp_path) == []


def test_a_folder_with_a_damaged_claim_in_its_last_source_makes_no_file(tmp_path, monkeypatch):
    folder = tmp_path / "desk"
    factcli("convert", str(SHIPPED), str(folder)).ok()
    last = (folder / "sources.txt").read_text().split()[-1]
    path = folder / "claims" / f"{last}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    claim = json.loads(lines[-1])
    claim["polarity"] = 7  # not a polarity
    path.write_text("\n".join([*lines[:-1], json.dumps(claim, ensure_ascii=False)]) + "\n", encoding="utf-8")
    monkeypatch.setattr(converting, "PART", 2)  # the earlier parts are written before it is read
    result = factcli("convert", str(folder), str(tmp_path / "back.json"))
    assert result.exit_code == 2 and "damaged store" in result.stderr and claim["id"] in result.stderr
    assert not os.path.lexists(tmp_path / "back.json") and leftovers(tmp_path) == []


KILLED = """
import os, sys
from pathlib import Path
from factcli import store
from factcli.convert import convert
from factcli.store import directory
real = directory.NewStore.add_source
count = []
def dying(self, src, claims):
    if len(count) == 3:
        os._exit(9)  # killed: nothing after this runs, no clean-up
    count.append(1)
    real(self, src, claims)
directory.NewStore.add_source = dying
convert(store.Location(Path(sys.argv[1]), "--db"), Path(sys.argv[2]))
"""


def test_a_conversion_killed_half_way_leaves_no_store_at_the_target(tmp_path):
    target = tmp_path / "desk"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", KILLED, str(SHIPPED), str(target)], env=env, check=False)
    assert done.returncode == 9
    assert not os.path.lexists(target)
    # What the killed one left is under a private name, and a new conversion goes through.
    factcli("convert", str(SHIPPED), str(target)).ok()
    factcli("convert", str(target), str(tmp_path / "back.json")).ok()
    assert (tmp_path / "back.json").read_bytes() == SHIPPED.read_bytes()


def shipped_parts() -> list[list[dict]]:
    """The shipped store's entities, then each source with its claims, as records to import."""
    facts = store.load(store.Location(SHIPPED, "--db"))
    parts: list[list[dict]] = [[dict(e) for e in facts.entities]]
    for src in facts.sources:
        cited = [dict(c) for c in facts.claims if c["citation"]["source"] == src["id"]]
        parts.append([dict(src), *cited])
    return parts


def test_the_bulk_import_into_a_new_folder_keeps_every_record(tmp_path):
    target = tmp_path / "desk"
    parts = shipped_parts()
    summary = import_new_folder(target, iter(parts))
    shipped = json.loads(SHIPPED.read_bytes())
    assert (summary.sources, summary.entities, summary.claims) == tuple(
        len(shipped[t]) for t in ("sources", "entities", "claims")
    )
    factcli("--db", str(target), "verify").ok()
    # The shipped claims keep their ids and land in their sources' files, in order.
    for src in shipped["sources"].values():
        lines = (target / "claims" / f"{src['id']}.jsonl").read_text(encoding="utf-8").splitlines()
        cited = [c["id"] for c in shipped["claims"].values() if c["citation"]["source"] == src["id"]]
        assert [json.loads(line)["id"] for line in lines] == cited


def test_a_refused_record_in_a_late_part_leaves_nothing_and_is_named_by_its_place(tmp_path):
    parts = shipped_parts()
    parts[-1][-1]["citation"]["quote"] = "words the source does not hold"
    place = sum(len(p) for p in parts)  # the last record of the stream
    target = tmp_path / "desk"
    with pytest.raises(ValidationError) as refused:
        import_new_folder(target, iter(parts))
    assert [p.record for p in refused.value.problems] == [place]
    assert not os.path.lexists(target) and leftovers(tmp_path) == []


def test_a_claim_in_a_later_part_than_its_source_is_refused(tmp_path):
    parts = shipped_parts()
    moved = parts[1].pop()  # the first source's last claim, sent with the next source
    parts[2].append(moved)
    with pytest.raises(ValidationError) as refused:
        import_new_folder(tmp_path / "desk", iter(parts))
    assert "unknown source" in str(refused.value.problems[0].message)
    assert not os.path.lexists(tmp_path / "desk")


def test_the_bulk_import_refuses_a_target_that_exists(tmp_path):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "mine.txt").write_text("mine")
    with pytest.raises(StoreError, match="already exists"):
        import_new_folder(taken, iter(shipped_parts()))
    assert os.listdir(taken) == ["mine.txt"]
