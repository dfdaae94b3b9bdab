"""Tests for factcli.curate: corrections planned against a snapshot of the store and applied
under its lock - what an edit changes (and nothing else), where a new quote is found, a plan
refused when the store changed since it was shown, and any sequence of corrections leaving a
sound store. The commands that drive them are tested in tests/cli/test_curate.py.

Expected values come from the khaleej article (khaleej-2018-07-21), where "السفير الروسي"
(the Russian ambassador) recurs."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from conftest import SHIPPED, corpus_claims
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcli import curate, store
from factcli.errors import InputError, StoreError
from factcli.search import Query, search
from factcli.verify import verify

KHALEEJ = "khaleej-2018-07-21"


@pytest.fixture
def mine(tmp_path) -> Path:
    path = tmp_path / "mine.json"
    path.write_bytes(SHIPPED.read_bytes())
    return path


def loc(path: Path) -> store.Location:
    return store.Location(path, "--db")


def facts(path: Path) -> store.Facts:
    return store.load(loc(path))


def apply(path: Path, make) -> curate.Plan:
    return curate.apply(loc(path), make)


def test_an_edited_statement_is_found_by_its_new_words_only(mine):
    assert not search(facts(mine), Query(terms=["Triumph"]))
    apply(
        mine,
        lambda f: curate.plan_edit(
            f,
            "c0001",
            {"statement": "Qatar is discussing with Russia a possible purchase of S-400 Triumph systems."},
            "name the system",
        ),
    )
    hits = search(facts(mine), Query(terms=["Triumph"]))
    assert [h.claim["id"] for h in hits] == ["c0001"]
    assert not any(h.claim["id"] == "c0001" for h in search(facts(mine), Query(terms=["missile defence"])))


def test_a_new_quote_the_source_has_twice_is_the_one_nearest_the_old(mine):
    # "السفير الروسي" (the Russian ambassador) recurs through the khaleej article; c0012's
    # quote starts with the occurrence in "وقلل السفير الروسي من جدوى الرفض".
    f = facts(mine)
    old = f.claim("c0012")["citation"]
    text = f.source(KHALEEJ)["text"]
    words = "السفير الروسي"
    assert text.count(words) > 1
    apply(mine, lambda f: curate.plan_edit(f, "c0012", {"quote": words}, "shorter"))
    start = facts(mine).claim("c0012")["citation"]["start"]
    assert text[start : start + len(words)] == words
    assert start == text.index(words, old["start"])  # inside the old quote, not the first in the text
    assert start != text.index(words)


def test_a_change_planned_on_a_store_that_changed_since_is_not_written(mine):
    shown = curate.plan_edit(facts(mine), "c0001", {"modality": "fact"}, "signed")
    apply(mine, lambda f: curate.plan_edit(f, "c0001", {"modality": "planned"}, "someone else"))
    before = mine.read_bytes()
    with pytest.raises(StoreError, match="changed since the change was shown; nothing was written"):
        curate.apply(loc(mine), lambda f: curate.plan_edit(f, "c0001", {"modality": "fact"}, "signed"), shown)
    assert mine.read_bytes() == before


def test_an_edit_diffs_as_the_lines_of_its_record_only(mine):
    before = mine.read_text(encoding="utf-8").splitlines()
    apply(mine, lambda f: curate.plan_edit(f, "c0001", {"modality": "fact"}, "signed"))
    after = mine.read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line[:1] in "+-"]
    changed = [line for line in changed if not line.startswith(("+++", "---"))]
    assert '-      "modality": "in_talks",' in changed and '+      "modality": "fact",' in changed
    assert '+          "reason": "signed"' in changed
    assert all(
        not line.startswith("-") or "modality" in line or line.strip() == "-      }" for line in changed
    ), changed


# --- any sequence of corrections keeps the store sound ------------------------------

_CLAIMS = ["c0001", "c0002", "c0005", "c0006", "c0008", "c0026", "c0030"]
_STATEMENTS = [
    "Qatar and Russia discuss S-400 systems.",
    "قطر وروسيا",
    "Russia's ambassador spoke on Saturday.",
]
_OPS = st.one_of(
    st.tuples(st.just("statement"), st.sampled_from(_CLAIMS), st.sampled_from(_STATEMENTS)),
    st.tuples(
        st.just("modality"),
        st.sampled_from(_CLAIMS),
        st.sampled_from(["fact", "hedged", "claimed", "in_talks"]),
    ),
    st.tuples(
        st.just("date"), st.sampled_from(_CLAIMS), st.sampled_from(["السبت", "يوليو 2018", "2017", None])
    ),
    st.tuples(st.just("retract"), st.sampled_from(_CLAIMS), st.just("")),
    st.tuples(
        st.just("add-alias"),
        st.sampled_from(["qatar", "s-400", "russia"]),
        st.sampled_from(["Katar", "С-400", "Rossiya"]),
    ),
    st.tuples(
        st.just("remove-alias"),
        st.sampled_from(["qatar", "s-400", "russia"]),
        st.sampled_from(["Katar", "Triumf", "Doha"]),
    ),
)


# Each example writes a store copy up to six times: ten sequences are what a shared 2-core
# machine can afford on every run (FACTCLI_PROPERTY_EXAMPLES=200 for a longer hunt).
EXAMPLES = int(os.environ.get("FACTCLI_PROPERTY_EXAMPLES", "10"))
SHIPPED_IDS = {c["id"] for c in facts(SHIPPED).claims}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(_OPS, min_size=1, max_size=6))
def test_any_sequence_of_corrections_keeps_verify_clean(tmp_path_factory, monkeypatch, ops):
    folder = tmp_path_factory.mktemp("seq")
    path = folder / "facts.json"
    path.write_bytes(SHIPPED.read_bytes())
    # The store is the subject here, not its search index: a cache folder that cannot be made
    # (its parent is a file) lets each write skip the index refresh, as a user's unwritable
    # cache does, and the store is written just the same.
    (folder / "not-a-folder").write_text("", encoding="utf-8")
    monkeypatch.setenv("FACTCLI_CACHE", str(folder / "not-a-folder" / "cache"))
    for kind, target, arg in ops:
        if kind == "retract":
            make = lambda f, t=target: curate.plan_retract(f, t, "a reason")  # noqa: E731
        elif kind in ("add-alias", "remove-alias"):
            add, remove = ([arg], []) if kind == "add-alias" else ([], [arg])
            make = lambda f, t=target, a=add, r=remove: curate.plan_aliases(f, t, a, r, "a reason")  # noqa: E731
        else:
            make = lambda f, t=target, k=kind, a=arg: curate.plan_edit(f, t, {k: a}, "a reason")  # noqa: E731
        before = path.read_bytes()
        try:
            curate.apply(loc(path), make)
        except InputError:
            assert path.read_bytes() == before  # a refused change writes nothing
    after = facts(path)
    assert verify(after) == []
    assert len(after.claims) == len(corpus_claims()) and {c["id"] for c in after.claims} == SHIPPED_IDS
