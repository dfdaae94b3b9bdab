"""The "did you mean" tail that every unknown-name error line ends with."""

from factcli.errors import did_you_mean


def test_names_are_quoted_and_joined_with_or():
    assert did_you_mean(["qatar", "iran"]) == "; did you mean 'qatar' or 'iran'?"


def test_unquoted_names_for_ids_and_predicates():
    assert did_you_mean(["c0007"], quote=False) == "; did you mean c0007?"


def test_nothing_near_gives_the_fallback_or_nothing():
    assert did_you_mean([]) == ""
    assert did_you_mean([], default=" (factcli entities lists them)") == " (factcli entities lists them)"


def test_os_errors_read_as_one_line_naming_the_file():
    from factcli.errors import os_error_line

    assert os_error_line(FileNotFoundError(2, "No such file or directory"), "x.jsonl") == "x.jsonl: no such file"
    assert os_error_line(FileNotFoundError(2, "No such file or directory"), "f", missing="no store at f") == "no store at f"
    assert os_error_line(PermissionError(13, "Permission denied"), "f") == "f: permission denied"
    assert os_error_line(IsADirectoryError(21, "Is a directory"), "d") == "d: Is a directory"
