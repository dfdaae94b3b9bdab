"""The "did you mean" tail that every unknown-name error line ends with."""

from factcli.errors import did_you_mean


def test_names_are_quoted_and_joined_with_or():
    assert did_you_mean(["qatar", "iran"]) == "; did you mean 'qatar' or 'iran'?"


def test_unquoted_names_for_ids_and_predicates():
    assert did_you_mean(["c0007"], quote=False) == "; did you mean c0007?"


def test_nothing_near_gives_the_fallback_or_nothing():
    assert did_you_mean([]) == ""
    assert did_you_mean([], default=" (factcli entities lists them)") == " (factcli entities lists them)"
