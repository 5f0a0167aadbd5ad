"""The cutting of ForEachItem's file into batches, without running flows."""
import pytest

from plugins.core.flow.item_batches import BadBatch, parse_size, split


def test_rows_default_to_one_per_batch_and_keep_empty_middle_lines():
    assert split(b"a\n\nb\n", {}) == [b"a\n", b"\n", b"b\n"]


def test_windows_and_old_mac_line_ends_are_rows_too():
    assert split(b"a\r\nb\rc", {"rows": 2}) == [b"a\nb\n", b"c\n"]


def test_readable_sizes_are_powers_of_1024():
    assert parse_size("10KB") == 10240
    assert parse_size("2mb") == 2 * 1024 * 1024
    assert parse_size(7) == 7
    with pytest.raises(ValueError, match="Invalid size"):
        parse_size("ten")


def test_bytes_take_precedence_over_rows():
    assert split(b"abc\ndef\n", {"bytes": "1", "rows": 10}) == [b"abc\n", b"def\n"]


def test_zero_rows_is_refused():
    with pytest.raises(ValueError, match="rows"):
        split(b"a\n", {"rows": 0})


def test_a_non_numeric_count_is_refused_naming_the_property():
    with pytest.raises(BadBatch, match="batch.partitions must be a whole number, got 'many'"):
        split(b"a\n", {"partitions": "many"})


def test_an_unknown_batch_property_is_refused_naming_it():
    """ForEachItem.Batch has rows, bytes, partitions, separator and regexPattern only."""
    with pytest.raises(BadBatch, match="batch: unknown property 'regexPatern'"):
        split(b"a\n", {"regexPatern": "(a)"})


def test_a_batch_that_is_not_an_object_is_refused():
    with pytest.raises(BadBatch, match="batch must be an object"):
        split(b"a\n", "rows: 2")


def test_a_catastrophic_regex_pattern_stops_at_the_regex_time_limit():
    """Kestra's StorageService.splitByRegex runs the pattern on java.util.regex with no
    bound; here each row's search is bounded like every other user pattern."""
    from expressions import Budget, LimitExceeded, Limits, within

    rows = b"a" * 70 + b"!\n"
    with within(Budget(Limits(regex_timeout=0.05))), pytest.raises(LimitExceeded, match="KESTRAWEB_REGEX_TIMEOUT"):
        split(rows, {"regexPattern": "((a|aa)+)$"})
