"""A flow given as bytes that are not UTF-8 (Kestra reads flows as UTF-8) is an error
naming the line, not a UnicodeDecodeError."""
from flows.spec import validate_source


def test_bytes_that_are_not_utf8_are_named_with_their_line():
    errors = validate_source(b"id: latin\nnamespace: company.team\ndescription: caf\xe9\ntasks: []\n")
    assert [(e.line, e.message) for e in errors] == [(3, "not UTF-8 text (byte 0xe9)")]
