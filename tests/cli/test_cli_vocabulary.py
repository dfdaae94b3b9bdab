"""The CLI offers exactly the vocabulary the store accepts: a type, polarity or modality that
import takes can be typed at the command line, and the help names each one."""

from __future__ import annotations

import pytest
from conftest import factcli

# Every entity type an imported record may carry, office and unclassified included.
TYPES = "country person organization weapon_system agreement office event place topic unclassified".split()


def _help(*args: str) -> str:
    return " ".join(factcli(*args, "--help", terminal_width=1000).ok().output.split())


def test_entity_set_help_names_every_entity_type():
    text = _help("entity", "set")
    for kind in TYPES:
        assert kind in text


@pytest.mark.parametrize("command", [["add"], ["edit"]])
def test_polarity_and_modality_choices(command):
    text = _help(*command)
    assert "[affirmed|negated]" in text
    assert "[fact|planned|expected|in_talks|claimed|hedged]" in text
