"""The one line an error makes of a failed file open, shared by the store and import."""

from factcli.errors import os_error_line


def test_a_missing_file_reads_no_such_file_unless_the_caller_says_more():
    gone = FileNotFoundError(2, "No such file or directory")
    assert os_error_line(gone, "x.jsonl") == "x.jsonl: no such file"
    assert os_error_line(gone, "f.json", missing="no store at f.json") == "no store at f.json"


def test_permission_and_other_errors_name_the_file():
    assert os_error_line(PermissionError(13, "Permission denied"), "f") == "f: permission denied"
    assert os_error_line(IsADirectoryError(21, "Is a directory"), "d") == "d: Is a directory"
