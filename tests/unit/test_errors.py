"""The one line an error makes of a failed file open, shared by the store and import."""

from factcli.errors import os_error_line


def test_a_missing_file_reads_no_such_file_unless_the_caller_says_more():
    gone = FileNotFoundError(2, "No such file or directory")
    assert os_error_line(gone, "x.jsonl") == "x.jsonl: no such file"
    assert os_error_line(gone, "f.json", missing="no store at f.json") == "no store at f.json"


def test_permission_and_other_errors_name_the_file():
    assert os_error_line(PermissionError(13, "Permission denied"), "f") == "f: permission denied"
    assert os_error_line(IsADirectoryError(21, "Is a directory"), "d") == "d: Is a directory"


# --- a refusal's problems: data, worded only when shown ---------------------------------


def test_a_problem_is_worded_by_what_it_names():
    from factcli.errors import Problem

    assert str(Problem(3, "citation.quote", "is required")) == "record 3, field citation.quote: is required"
    assert str(Problem(3, None, "duplicate of c0001")) == "record 3: duplicate of c0001"
    assert (
        str(Problem("mine.json, source s1", "text", "is required"))
        == "mine.json, source s1, field text: is required"
    )
    assert str(Problem(None, "date", "cannot read date")) == "field date: cannot read date"
    assert str(Problem(None, None, "unknown source 's'")) == "unknown source 's'"


def test_a_refusal_carries_its_problems_and_words_them_when_shown():
    from factcli.errors import Problem, Refusal

    one = Refusal([Problem(None, "date", "cannot read date")])
    assert str(one) == "nothing changed: field date: cannot read date"
    assert one.details == ()
    two = Refusal([Problem(1, "predicate", "unknown"), "a whole-change problem"], "edit")
    assert two.problems[1] == Problem(None, None, "a whole-change problem")
    assert str(two) == "nothing changed: 2 problems in the edit"
    assert two.details == ("record 1, field predicate: unknown", "a whole-change problem")
    assert two.lines() == list(two.details)
