"""Entity names checked against one another and the corpus: each kind of misleading name is
one finding, and the shipped store has none."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import entity_record, source_record

from factcli.cli import main
from factcli.namecheck import name_findings


def test_each_kind_of_misleading_name_is_one_finding():
    entities = [
        {"id": "uae", "type": "country", "name": "United Arab Emirates", "aliases": ["Emir"]},
        {"id": "emir", "type": "office", "name": "Emir"},
        {"id": "qna", "type": "organization", "name": "Qatar News Agency", "aliases": ["قنا"]},
        {"id": "sochi-2017", "type": "event", "name": "Sochi summit 2017", "aliases": ["Sochi summit"]},
        {"id": "a", "type": "country", "name": "Twin"},
        {"id": "b", "type": "country", "name": "Twin"},
    ]
    found = name_findings(entities, ["قناة قناة قناة"])
    assert ("uae", "aliases", "name 'Emir' is shared with emir") in found
    assert any(e == "qna" and "a common word of the corpus" in m for e, _, m in found)
    assert any(e == "sochi-2017" and "has no year" in m for e, _, m in found)
    assert any(e == "a" and "shared with b" in m for e, _, m in found)
    assert len(found) == 4


def test_a_crisis_is_not_a_recurring_event_and_a_long_alias_may_stem_like_a_word():
    entities = [
        {"id": "gulf-crisis", "type": "event", "name": "Gulf crisis"},
        {"id": "usa", "type": "country", "name": "United States", "aliases": ["أميركا"]},
    ]
    assert name_findings(entities, ["الأميركية الأميركية الأميركية"]) == []


def test_verify_names_reports_one_line_per_finding(tmp_path):
    records = [
        source_record("src", "Qatar spoke."),
        entity_record("a", "Twin"),
        entity_record("b", "Twin"),
    ]
    db = tmp_path / "names.json"
    lines = "\n".join(json.dumps(r) for r in records) + "\n"
    assert CliRunner().invoke(main, ["--db", str(db), "import", "--create", "-"], input=lines).exit_code == 0
    assert CliRunner().invoke(main, ["--db", str(db), "verify"]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", str(db), "verify", "--names", "--tsv"])
    assert result.exit_code == 1
    assert [ln for ln in result.output.splitlines() if "shared with" in ln] == [
        "entities\ta\tname\tname 'Twin' is shared with b"
    ]
