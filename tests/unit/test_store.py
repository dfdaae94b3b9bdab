"""store: where the store is found, how a bad file is refused, that reads touch nothing,
and that writes are canonical, atomic and refused where they must be."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
from conftest import SHIPPED, entity_record, factcli, source_record

from factcli import store
from factcli.errors import StoreError
from factcli.importer import import_records
from factcli.vocabulary import default_document

TEXT = "قطر تبحث مع روسيا شراء منظومة إس-400. Qatar is in talks with Russia."
QUOTE = "قطر تبحث مع روسيا شراء منظومة إس-400"

# The claim fields in the order DESIGN.md lists them (match keys are derived in the index).
CLAIM_ORDER = [
    "id",
    "subject",
    "predicate",
    "object",
    "value",
    "date",
    "polarity",
    "modality",
    "speaker",
    "via",
    "statement",
    "citation",
]


def base_records() -> list[dict]:
    return [
        source_record("src-a", TEXT, "2018-07-21"),
        entity_record("qatar", "Qatar", aliases=["الدوحة"]),
        entity_record("s-400", "S-400", "weapon_system", name_ar="إس-400"),
    ]


def a_claim(**over) -> dict:
    claim = {
        "subject": "qatar",
        "predicate": "negotiating_purchase",
        "object": "s-400",
        "date": {"start": "2018-07-01", "end": "2018-07-31", "precision": "month", "text": "يوليو 2018"},
        "modality": "in_talks",
        "statement": "Qatar is discussing buying the S-400 from Russia.",
        "citation": {"source": "src-a", "quote": QUOTE},
    }
    claim.update(over)
    return claim


def loc(path: Path) -> store.Location:
    return store.Location(path, "--db")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the folder with its bytes and mtime: what a read must leave alone."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def write_doc(path: Path, doc) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# --- locating the store ---------------------------------------------------------------


@pytest.fixture
def in_empty_dir(tmp_path, monkeypatch):
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.delenv(store.ENV_VAR, raising=False)
    return work


def test_locate_db_option_wins_over_env_and_local_file(in_empty_dir, monkeypatch):
    (in_empty_dir / "facts.json").write_text("{}")
    monkeypatch.setenv(store.ENV_VAR, "/elsewhere/env.json")
    found = store.locate("/explicit/db.json")
    assert (found.path, found.origin, found.readonly) == (Path("/explicit/db.json"), "--db", False)


def test_locate_env_wins_over_local_file(in_empty_dir, monkeypatch):
    (in_empty_dir / "facts.json").write_text("{}")
    monkeypatch.setenv(store.ENV_VAR, "/elsewhere/env.json")
    found = store.locate(None)
    assert (found.path, found.readonly) == (Path("/elsewhere/env.json"), False)
    assert "FACTCLI_DB" in found.origin


def test_locate_local_facts_json_when_no_option_or_env(in_empty_dir):
    (in_empty_dir / "facts.json").write_text("{}")
    found = store.locate(None)
    assert found.path.resolve() == (in_empty_dir / "facts.json").resolve()
    assert not found.readonly


def test_locate_empty_env_var_is_ignored(in_empty_dir, monkeypatch):
    (in_empty_dir / "facts.json").write_text("{}")
    monkeypatch.setenv(store.ENV_VAR, "")
    assert store.locate(None).path.resolve() == (in_empty_dir / "facts.json").resolve()


def test_locate_falls_back_to_installed_copy_read_only(in_empty_dir):
    found = store.locate(None)
    assert found.readonly
    assert found.path.name == "facts.json" and found.path.is_absolute()
    assert found.path.parent != in_empty_dir
    # The fallback is a real, loadable store (in a checkout: the repo's facts.json).
    assert store.load(found).sources


def test_locate_environ_argument_overrides_process_env(in_empty_dir, monkeypatch):
    monkeypatch.setenv(store.ENV_VAR, "/from/process.json")
    assert store.locate(None, environ={store.ENV_VAR: "/given.json"}).path == Path("/given.json")
    assert store.locate(None, environ={}).readonly


def test_installed_copy_refuses_writes_and_stays_untouched(in_empty_dir):
    found = store.locate(None)
    before = found.path.read_bytes()
    with pytest.raises(StoreError) as exc:
        with store.writing(found):
            # Failing here, inside the transaction, also guarantees nothing is written.
            pytest.fail("a write transaction was opened on the installed copy")
    message = str(exc.value)
    assert "read-only" in message and "--db" in message and str(found.path) in message
    assert found.path.read_bytes() == before


# --- load errors --------------------------------------------------------------------


def assert_one_line_naming(exc: StoreError, path: Path) -> str:
    message = str(exc)
    assert str(path) in message
    assert "\n" not in message
    return message


def test_load_missing_file(tmp_path):
    path = tmp_path / "nope.json"
    with pytest.raises(StoreError) as exc:
        store.load(loc(path))
    assert "no store" in assert_one_line_naming(exc.value, path)
    assert not path.exists()


def test_load_missing_file_from_env_says_where_the_path_came_from(tmp_path):
    path = tmp_path / "nope.json"
    with pytest.raises(StoreError) as exc:
        store.load(store.Location(path, "$FACTCLI_DB"))
    assert "FACTCLI_DB" in assert_one_line_naming(exc.value, path)


def test_load_directory(tmp_path):
    with pytest.raises(StoreError) as exc:
        store.load(loc(tmp_path))
    assert "folder" in assert_one_line_naming(exc.value, tmp_path)


@pytest.mark.parametrize("content", [b"", b"  \n\n"])
def test_load_empty_file(tmp_path, content):
    path = tmp_path / "facts.json"
    path.write_bytes(content)
    with pytest.raises(StoreError) as exc:
        store.load(loc(path))
    assert "empty" in assert_one_line_naming(exc.value, path)


def test_load_invalid_json_gives_line_and_column(tmp_path):
    path = tmp_path / "facts.json"
    # The stray word starts on line 3, column 5.
    path.write_text('{\n  "meta": {},\n    oops\n}\n', encoding="utf-8")
    with pytest.raises(StoreError) as exc:
        store.load(loc(path))
    message = assert_one_line_naming(exc.value, path)
    assert "invalid JSON" in message and "line 3" in message and "column 5" in message


def test_load_truncated_store(tmp_path):
    path = tmp_path / "facts.json"
    raw = SHIPPED.read_bytes()
    path.write_bytes(raw[: len(raw) // 2].decode("utf-8", "ignore").encode("utf-8"))
    with pytest.raises(StoreError) as exc:
        store.load(loc(path))
    assert "invalid JSON" in assert_one_line_naming(exc.value, path)


def test_load_not_utf8(tmp_path):
    path = tmp_path / "facts.json"
    path.write_bytes('{"meta": "قطر"}'.encode("cp1256"))
    with pytest.raises(StoreError) as exc:
        store.load(loc(path))
    assert "UTF-8" in assert_one_line_naming(exc.value, path)


def good_doc() -> dict:
    return {"meta": {"1": {"schema": 1, "last_claim": 0}}, "sources": {}, "entities": {}, "claims": {}}


def _without(key):
    doc = good_doc()
    del doc[key]
    return doc


def _with(key, value):
    doc = good_doc()
    doc[key] = value
    return doc


def _schema(version):
    doc = good_doc()
    doc["meta"]["1"]["schema"] = version
    return doc


@pytest.mark.parametrize(
    "doc, words",
    [
        ([good_doc()], "list"),
        ("facts", "str"),
        (_without("claims"), "claims"),
        (_without("meta"), "meta"),
        (_with("claims", []), "claims"),
        (_with("sources", {"1": "a string"}), "sources"),
        (_with("entities", {"qatar": {"id": "qatar"}}), "qatar"),
        (_schema(3), "schema version 3"),
        (_with("meta", {}), "schema version None"),
    ],
    ids=[
        "list-top-level",
        "string-top-level",
        "missing-claims",
        "missing-meta",
        "table-is-list",
        "record-not-object",
        "record-key-not-number",
        "schema-3",
        "no-meta-record",
    ],
)
def test_load_wrong_shape(tmp_path, doc, words):
    path = write_doc(tmp_path / "facts.json", doc)
    with pytest.raises(StoreError) as exc:
        store.load(loc(path))
    message = assert_one_line_naming(exc.value, path)
    assert "not a factcli store" in message and words in message


def test_load_good_empty_store(tmp_path):
    facts = store.load(loc(write_doc(tmp_path / "facts.json", good_doc())))
    assert (facts.sources, facts.entities, facts.claims) == ([], [], [])


# --- reads touch nothing ------------------------------------------------------------


def test_load_creates_modifies_and_locks_nothing(store_file, tmp_path):
    path = store_file(base_records() + [a_claim()])
    lock = path.with_name(path.name + ".lock")
    lock.unlink(missing_ok=True)
    before = snapshot(tmp_path)
    facts = store.load(loc(path))
    assert [c["statement"] for c in facts.claims] == [a_claim()["statement"]]
    assert snapshot(tmp_path) == before
    assert not lock.exists()


def test_load_works_while_another_process_holds_the_write_lock(store_file):
    import fcntl

    path = store_file(base_records())
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert store.load(loc(path)).sources[0]["id"] == "src-a"
    finally:
        os.close(fd)


def test_load_of_read_only_file(store_file):
    path = store_file(base_records())
    path.chmod(0o444)
    assert store.load(loc(path)).entities[0]["id"] == "qatar"


# --- the canonical file -------------------------------------------------------------


def test_file_is_utf8_with_arabic_unescaped_and_indented(store_file):
    raw = store_file(base_records() + [a_claim()]).read_bytes()
    text = raw.decode("utf-8")
    assert QUOTE in text
    assert "\\u0" not in text
    assert '\n  "sources": {\n' in text
    assert text.endswith("}\n")


def test_same_records_give_identical_bytes(store_file):
    first = store_file(base_records() + [a_claim()], name="one.json").read_bytes()
    second = store_file(base_records() + [a_claim()], name="two.json").read_bytes()
    assert first == second


def test_fields_are_stored_in_contract_order_whatever_the_input_order(store_file):
    scrambled_claim = dict(reversed(list(a_claim().items())))
    scrambled_claim["date"] = dict(reversed(list(a_claim()["date"].items())))
    scrambled_source = dict(reversed(list(base_records()[0].items())))
    scrambled = [scrambled_source, *base_records()[1:], scrambled_claim]
    canonical = store_file(base_records() + [a_claim()], name="canonical.json").read_bytes()
    assert store_file(scrambled, name="scrambled.json").read_bytes() == canonical

    doc = json.loads(canonical)
    claim = doc["claims"]["1"]
    assert list(claim) == CLAIM_ORDER
    assert list(claim["citation"]) == ["source", "quote", "start", "end"]
    assert list(claim["date"]) == ["start", "end", "precision", "text"]
    assert list(doc["sources"]["1"]) == [
        "id",
        "title",
        "outlet",
        "credited",
        "language",
        "url",
        "published",
        "note",
        "sha256",
        "text",
    ]
    assert list(doc["entities"]["1"]) == ["id", "type", "name", "name_ar", "aliases", "description"]
    assert list(doc) == ["meta", "vocabulary", "sources", "entities", "claims"]


def test_dumps_of_a_loaded_store_is_the_file_itself(store_file):
    path = store_file(base_records() + [a_claim()])
    assert store.dumps(json.loads(path.read_bytes())) == path.read_bytes()


def _read(path: Path) -> dict:
    return store.read_document(path, "--db")


def test_a_store_read_again_parses_as_its_whole_text_does(store_file):
    # The vocabulary's parse is kept by its text: the second and third reads meet it again,
    # the third with other records after it.
    path = store_file(base_records())
    assert _read(path) == json.loads(path.read_bytes())
    assert _read(path) == json.loads(path.read_bytes())
    import_records(store.Location(path, "--db"), [a_claim()])
    raw = path.read_bytes()
    assert _read(path) == json.loads(raw) and len(json.loads(raw)["claims"]) == 1


@pytest.mark.parametrize(
    "layout",
    [
        # A key "vocabulary" inside the meta table, laid out as the top level's is: the text
        # after it is not the store's vocabulary.
        '{\n  "meta": {"1": {"schema": 3, "last_claim": 0,\n  "vocabulary": {"units": []},\n  "sources": 1\n  }},\n'
        '  "vocabulary": VOCAB,\n'
        '  "sources": {},\n  "entities": {},\n  "claims": {}\n}\n',
        # Two vocabularies at the top level: JSON keeps the last.
        '{\n  "meta": META,\n  "vocabulary": {"units": []},\n  "sources": {},\n  "entities": {},\n'
        '  "claims": {},\n  "vocabulary": VOCAB\n}\n',
        '{\n  "meta": META,\n  "vocabulary": VOCAB,\n  "sources": {},\n  "entities": {},\n  "claims": {},\n'
        '  "vocabulary": {"units": []}\n}\n',
        # All on one line, and the vocabulary last.
        '{"meta": META, "vocabulary": VOCAB, "sources": {}, "entities": {}, "claims": {}}',
        '{\n  "meta": META,\n  "sources": {},\n  "entities": {},\n  "claims": {},\n  "vocabulary": VOCAB\n}\n',
    ],
)
def test_a_hand_laid_out_store_is_read_as_its_whole_text_says(tmp_path, layout):
    vocabulary = json.dumps(default_document(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    raw = (
        layout.replace("VOCAB", vocabulary).replace("META", '{"1": {"schema": 3, "last_claim": 0}}').encode()
    )
    path = tmp_path / "facts.json"
    path.write_bytes(store.dumps({**good_doc(), "vocabulary": default_document()}))
    _read(path)  # the canonical text first: its vocabulary's parse is kept
    path.write_bytes(raw)
    assert _read(path) == json.loads(raw)


def test_a_vocabulary_changed_by_a_command_is_a_new_document_read_anew(store_file):
    path = store_file(base_records())
    before = store.load(store.Location(path, "--db"))
    units = copy.deepcopy(before.vocabulary["units"])
    factcli("--db", str(path), "vocabulary", "add-unit", "JPY", "--reason", "figures in yen", "--yes").ok()
    after = store.load(store.Location(path, "--db"))
    assert "JPY" in json.dumps(after.vocabulary["units"])
    assert before.vocabulary["units"] == units  # the document read before is as it was


def test_a_correction_after_a_write_writes_the_whole_serialisation(store_file):
    # A correction after a write rewrites the file from bytes that write left: what it
    # writes is `dumps` of the whole document, the vocabulary in its place, changed or not.
    path = store_file(base_records())
    import_records(loc(path), [a_claim()])
    with store.writing(loc(path)) as tx:
        tx.replace("entities", [entity_record("qatar", "State of Qatar")])
    raw = path.read_bytes()
    doc = json.loads(raw)
    assert raw == store.dumps(doc)
    assert doc["entities"]["1"]["name"] == "State of Qatar" and doc["vocabulary"] == default_document()
    changed = copy.deepcopy(doc["vocabulary"])
    changed["units"].append("JPY")
    with store.writing(loc(path)) as tx:
        tx.replace("entities", [entity_record("qatar", "Qatar")])
        tx.set_vocabulary(changed)
    raw = path.read_bytes()
    doc = json.loads(raw)
    assert raw == store.dumps(doc)
    assert doc["vocabulary"] == changed and doc["entities"]["1"]["name"] == "Qatar"


def test_records_are_kept_in_document_id_order(tmp_path):
    doc = good_doc()
    doc["entities"] = {str(i): entity_record(f"e{i}", f"E {i}") for i in (10, 9, 2, 1)}
    out = json.loads(store.dumps(doc))
    assert list(out["entities"]) == ["1", "2", "9", "10"]


# --- writing ------------------------------------------------------------------------


def test_write_leaves_only_the_store_and_its_record(store_file, tmp_path):
    path = store_file(base_records())
    import_records(loc(path), [a_claim()])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "facts.json",
        "facts.json.written",
    ]


def test_exception_inside_writing_writes_nothing(store_file, tmp_path):
    path = store_file(base_records())
    before = snapshot(tmp_path)
    with pytest.raises(RuntimeError):
        with store.writing(loc(path)) as tx:
            tx.add(entities=[entity_record("russia", "Russia")])
            raise RuntimeError("changed my mind")
    assert snapshot(tmp_path) == before
    assert [e["id"] for e in store.load(loc(path)).entities] == ["qatar", "s-400"]


def test_transaction_sees_the_stored_records_and_its_additions_land(store_file):
    path = store_file(base_records())
    with store.writing(loc(path)) as tx:
        assert tx.facts.source("src-a")["text"] == TEXT
        tx.add(entities=[entity_record("russia", "Russia")])
    assert store.load(loc(path)).entity("russia")["name"] == "Russia"


def test_writing_missing_store_needs_create(tmp_path):
    path = tmp_path / "new.json"
    with pytest.raises(StoreError) as exc:
        import_records(loc(path), base_records())
    assert str(path) in str(exc.value)
    assert not path.exists()
    import_records(loc(path), base_records(), create=True)
    assert store.load(loc(path)).source("src-a") is not None


def test_writing_into_a_missing_folder(tmp_path):
    path = tmp_path / "no" / "such" / "facts.json"
    with pytest.raises(StoreError) as exc:
        import_records(loc(path), base_records(), create=True)
    assert str(path.parent) in str(exc.value)


def test_stale_temp_files_of_a_killed_writer_are_removed_by_the_next_write(store_file, tmp_path):
    path = store_file(base_records())
    # What a writer killed between naming its new file and the rename leaves behind.
    for n in range(3):
        (tmp_path / f".factcli-facts.json-dead{n}.tmp").write_bytes(b'{"half": ')
    import_records(loc(path), [a_claim()])
    assert temps(tmp_path) == []
    assert len(store.load(loc(path)).claims) == 1


def test_a_write_interrupted_before_the_rename_leaves_the_store_and_no_temp(
    store_file, tmp_path, monkeypatch
):
    path = store_file(base_records())
    before = path.read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_records(loc(path), [a_claim()])
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert temps(tmp_path) == []


def test_a_write_leaves_another_stores_temp_file_alone(store_file, tmp_path):
    path = store_file(base_records())
    other_store_temp = tmp_path / ".factcli-other.json-abc123.tmp"
    other_store_temp.write_text("another writer's file, mid-write")
    import_records(loc(path), [a_claim()])
    assert other_store_temp.exists()


def test_read_only_store_refuses_writes_but_loads(store_file, tmp_path):
    # chmod a-w is refused even for root, for whom os.access always says writable.
    path = store_file(base_records())
    path.chmod(0o444)
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as exc:
        import_records(loc(path), [a_claim()])
    message = str(exc.value)
    assert "read-only" in message and str(path) in message and "\n" not in message
    assert snapshot(tmp_path) == before
    assert store.load(loc(path)).source("src-a") is not None


def test_store_not_writable_for_this_user_refuses_writes(store_file, tmp_path, monkeypatch):
    # Stands for a file owned by someone else (mode 0644, not ours): os.access says no.
    path = store_file(base_records())
    before = snapshot(tmp_path)
    real_access = os.access
    monkeypatch.setattr(
        store.os,
        "access",
        lambda p, mode, **kw: False if Path(p) == path and mode & os.W_OK else real_access(p, mode, **kw),
    )
    with pytest.raises(StoreError) as exc:
        import_records(loc(path), [a_claim()])
    assert "read-only" in str(exc.value)
    assert snapshot(tmp_path) == before
    assert store.load(loc(path)).source("src-a") is not None


def test_folder_that_refuses_new_files_gives_a_store_error(store_file, monkeypatch):
    path = store_file(base_records())
    before = path.read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "_open_temp", refuse)
    with pytest.raises(StoreError) as exc:
        import_records(loc(path), [a_claim()])
    assert "nothing was changed" in str(exc.value) and str(path) in str(exc.value)
    assert path.read_bytes() == before


def test_write_preserves_the_file_mode(store_file):
    path = store_file(base_records())
    path.chmod(0o640)
    import_records(loc(path), [a_claim()])
    assert path.stat().st_mode & 0o777 == 0o640


def test_write_through_a_symlink_updates_the_target_and_keeps_the_link(store_file, tmp_path):
    target = store_file(base_records(), name="real.json")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    import_records(loc(link), [a_claim()])
    assert link.is_symlink()
    assert len(store.load(loc(target)).claims) == 1
