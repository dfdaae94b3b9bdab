"""`factcli entity add`: an entity added from options or typed answers, checked as `import`
checks an entity, written the same way, and refused in one line with nothing written."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import SHIPPED, factcli

from factcli.cli.env import Environment


@pytest.fixture
def mine(tmp_path):
    path = tmp_path / "mine.json"
    shutil.copy(SHIPPED, path)
    return path


def _entities(db):
    return {e["id"]: e for e in json.loads(factcli("entities", "--json", db=db).ok().stdout)}


def test_an_added_entity_is_listed_found_and_verified(mine):
    ran = factcli(
        "entity",
        "add",
        "tass",
        "--name",
        "TASS",
        "--name-ar",
        "تاس",
        "--type",
        "organization",
        "--alias",
        "ITAR-TASS",
        "--alias",
        "Tass agency",
        "--description",
        "Russian state news agency",
        db=mine,
    ).ok()
    assert ran.stdout == "tass\n"
    ent = _entities(mine)["tass"]
    assert (ent["name"], ent["name_ar"], ent["type"]) == ("TASS", "تاس", "organization")
    assert ent["aliases"] == ["ITAR-TASS", "Tass agency"]
    assert ent["description"] == "Russian state news agency"
    # Found by any of its names, in either script, through the refreshed index.
    for name in ("ITAR-TASS", "تاس"):
        found = json.loads(factcli("entities", name, "--json", db=mine).ok().stdout)
        assert [e["id"] for e in found] == ["tass"]
    factcli("verify", db=mine).ok()


def test_the_id_is_made_from_the_name_as_import_makes_it(mine):
    ran = factcli("entity", "add", "--name", "Rostec", "--type", "organization", db=mine).ok()
    assert ran.stdout == "rostec\n"
    assert _entities(mine)["rostec"]["name"] == "Rostec"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["qatar", "--name", "Qatar State", "--type", "country"],
            "field id: entity 'qatar' is already stored",
        ),
        (["foo", "--name", "Foo", "--type", "planet"], "field type: 'planet' is not one of"),
        (["Bad Slug", "--name", "Foo", "--type", "country"], "field id: must be a lower-case slug"),
        (["qatar-2", "--name", "Qatar", "--type", "country"], "field name: 'Qatar' already names qatar"),
        (
            ["qatar-2", "--name", "Katar", "--name-ar", "قطر", "--type", "country"],
            "field name_ar: 'قطر' already",
        ),
        (["foo", "--name", "Foo"], "entity add needs --type (or run it on a terminal to be asked)"),
    ],
)
def test_a_refused_entity_is_one_line_and_nothing_is_written(mine, args, said):
    before = mine.read_bytes()
    ran = factcli("entity", "add", *args, db=mine)
    assert ran.exit_code == 2, (ran.stdout, ran.stderr)
    assert said in ran.stderr and len(ran.stderr.splitlines()) == 1
    assert ran.stdout == ""
    assert mine.read_bytes() == before


def test_on_a_terminal_the_missing_fields_are_asked_and_each_answer_checked(mine, monkeypatch):
    monkeypatch.setattr(Environment, "interactive", property(lambda self: True))
    answers = [
        "Qatar",  # already names qatar: asked again
        "Uralvagonzavod",
        "أورالفاغونزافود",
        "",  # Enter: the id made from the name
        "planet",  # not a type: asked again
        "organization",
        "Russian tank maker",
    ]
    ran = factcli("entity", "add", "--alias", "ROE", db=mine, input="\n".join(answers) + "\n").ok()
    said = ran.stdout + ran.stderr
    assert "'Qatar' already names qatar" in said
    assert "id (Enter: uralvagonzavod)" in said
    assert ran.stdout.splitlines()[-1] == "uralvagonzavod"
    ent = _entities(mine)["uralvagonzavod"]
    assert (ent["name_ar"], ent["type"], ent["aliases"]) == ("أورالفاغونزافود", "organization", ["ROE"])
    assert ent["description"] == "Russian tank maker"


def test_on_a_terminal_a_stored_id_is_asked_again(mine, monkeypatch):
    monkeypatch.setattr(Environment, "interactive", property(lambda self: True))
    # No Arabic name; a stored id, then a new one; the type; no description.
    answers = ["", "qatar", "qatar-emiri-air-force", "organization", ""]
    ran = factcli(
        "entity",
        "add",
        "--name",
        "Qatar Emiri Air Force",
        db=mine,
        input="\n".join(answers) + "\n",
    ).ok()
    assert "entity 'qatar' is already stored" in ran.stdout + ran.stderr
    ent = _entities(mine)["qatar-emiri-air-force"]
    assert "name_ar" not in ent or ent["name_ar"] is None
    assert ent.get("description") is None


def test_answers_that_end_add_nothing(mine, monkeypatch):
    monkeypatch.setattr(Environment, "interactive", property(lambda self: True))
    before = mine.read_bytes()
    ran = factcli("entity", "add", db=mine, input="Rostec\n")
    assert ran.exit_code != 0
    assert mine.read_bytes() == before
