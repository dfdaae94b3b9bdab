"""The write lock's edges: a refusal's quote hint is worked out after the lock is released,
no lock file is left for a store that was never made, and none beside a store after a write
(so `git status` in a repo holding the store shows no lock file)."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import entity_record, factcli, source_record

from factcli import importer, store
from factcli.importer import ValidationError, import_records

TEXT = "تبحث قطر مع روسيا شراء منظومة إس-400 للدفاع الجوي، بحسب مصادر مطلعة."
QUOTE = "تبحث قطر مع روسيا"


def base_records() -> list[dict]:
    return [
        source_record("src-a", TEXT, "2018-07-21"),
        entity_record("qatar", "Qatar"),
        entity_record("s-400", "S-400", "weapon_system"),
    ]


def a_claim(quote: str = QUOTE) -> dict:
    return {
        "subject": "qatar",
        "predicate": "negotiating_purchase",
        "object": "s-400",
        "date": {"start": "2018-07-01", "end": "2018-07-31", "precision": "month", "text": "يوليو 2018"},
        "modality": "in_talks",
        "statement": "Qatar is discussing buying the S-400 from Russia.",
        "citation": {"source": "src-a", "quote": quote},
    }


def loc(path: Path) -> store.Location:
    return store.Location(path, "--db")


def _lock_is_free(lock: Path) -> bool:
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # releases it again
    return True


# --- the hint of a quote not found, outside the lock -----------------------------------


@pytest.mark.parametrize("start", [None, 0])
def test_the_quote_hint_is_worked_out_after_the_lock_is_released(store_file, monkeypatch, start):
    path = store_file(base_records())
    lock = path.with_name(path.name + ".lock")
    seen: list[bool] = []
    nearest = importer._nearest

    def watched(quote: str, text: str) -> str:
        seen.append(_lock_is_free(lock))
        return nearest(quote, text)

    monkeypatch.setattr(importer, "_nearest", watched)
    claim = a_claim("تبحث قطر مع الصين")
    if start is not None:
        claim["citation"].update(start=start, end=start + len(claim["citation"]["quote"]))
    with pytest.raises(ValidationError) as refused:
        import_records(loc(path), [claim])
    assert seen == [True]  # computed once, and with the lock free for another writer
    assert "closest passage at 0" in str(refused.value.problems[0])
    assert refused.value.pending == ()


def test_another_writer_may_write_while_a_refusal_works_out_its_hint(store_file, monkeypatch):
    path = store_file(base_records())
    nearest = importer._nearest

    def meanwhile(quote: str, text: str) -> str:
        # Gives up at once if the lock is held.
        import_records(store.Location(path, "--db", wait=0.0), [a_claim()])
        return nearest(quote, text)

    monkeypatch.setattr(importer, "_nearest", meanwhile)
    with pytest.raises(ValidationError):
        import_records(loc(path), [a_claim("لا شيء من هذا")])
    assert [c["citation"]["quote"] for c in store.load(loc(path)).claims] == [QUOTE]


def test_add_shows_the_hint_of_a_quote_not_found(store_file):
    path = store_file(base_records())
    ran = factcli(
        "add",
        "--source", "src-a", "--quote", "تبحث قطر مع الصين", "--subject", "qatar",
        "--predicate", "negotiating_purchase", "--object", "s-400", "--modality", "in_talks",
        "--date", "2018-07", "--statement", "Qatar is discussing buying the S-400.",
        db=path,
    )  # fmt: skip
    assert ran.exit_code == 2
    assert "not found in src-a: closest passage at 0" in ran.stderr


# --- no lock file for a store never made -----------------------------------------------


def test_a_refused_create_leaves_nothing(tmp_path):
    path = tmp_path / "new.json"
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in [*base_records(), a_claim("ليس هنا")])
    ran = factcli("import", "--create", "-", db=path, input=lines)
    assert ran.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_a_create_refused_under_the_lock_leaves_no_lock_file(tmp_path):
    path = tmp_path / "new.json"
    with pytest.raises(ValueError):
        with store.writing(loc(path), create=True) as tx:
            assert path.with_name("new.json.lock").exists()  # held while writing
            tx.add(entities=[entity_record("qatar", "Qatar")])
            raise ValueError("refused")
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_create_leaves_no_lock_file(tmp_path, monkeypatch):
    path = tmp_path / "new.json"

    def interrupted(*_args: object, **_kw: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "atomic_write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_records(loc(path), base_records(), create=True)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_import_create_through_the_cli_leaves_nothing(tmp_path, monkeypatch):
    path = tmp_path / "new.json"

    def interrupted(*_args: object, **_kw: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "atomic_write", interrupted)
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in base_records())
    ran = factcli("import", "--create", "-", db=path, input=lines)
    assert ran.exit_code == 130
    assert list(tmp_path.iterdir()) == []


# --- after a write ----------------------------------------------------------------------


def test_a_write_leaves_no_lock_file_beside_the_store(store_file, tmp_path):
    path = store_file(base_records())
    assert not path.with_name("facts.json.lock").exists()
    import_records(loc(path), [a_claim()])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.json", "facts.json.written"]


def test_a_store_in_a_shared_folder_keeps_its_lock_file_for_all_its_writers(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    path = shared / "facts.json"
    import_records(loc(path), base_records(), create=True)
    import_records(loc(path), [a_claim()])
    assert path.with_name("facts.json.lock").is_file()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_status_shows_no_lock_file_after_an_add(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
        ).stdout

    git("init", "-q")
    path = repo / "facts.json"
    import_records(loc(path), base_records(), create=True)
    git("add", "facts.json")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "store")
    ran = factcli(
        "add",
        "--source", "src-a", "--quote", QUOTE, "--subject", "qatar",
        "--predicate", "negotiating_purchase", "--object", "s-400", "--modality", "in_talks",
        "--date", "2018-07", "--statement", "Qatar is discussing buying the S-400.",
        db=path,
    )  # fmt: skip
    assert ran.exit_code == 0, ran.stderr
    status = git("status", "--porcelain", "--untracked-files=all")
    assert ".lock" not in status
    assert " M facts.json" in status.splitlines()
