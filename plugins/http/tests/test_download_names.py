"""The name a download is stored under, as Kestra's Download#filenameFromHeader: the
Content-Disposition filename (filename* first), only its last path segment, else the
URI's last segment."""
import pytest

from plugins.http.download import FALLBACK_NAME, stored_name


@pytest.mark.parametrize("header, url, expected", [
    ('attachment; filename="report.csv"', "http://h/x", "report.csv"),
    ("attachment; filename=../../etc/passwd", "http://h/x", "passwd"),
    ('attachment; filename="..\\\\evil.txt"', "http://h/x", "evil.txt"),
    ("attachment; filename=\"plain.txt\"; filename*=UTF-8''na%C3%AFve.txt", "http://h/x", "na%C3%AFve.txt"),
    (None, "http://h/data/orders.csv?x=1", "orders.csv"),
    (None, "http://h/", FALLBACK_NAME),
    ('attachment; filename=".."', "http://h/", FALLBACK_NAME),
])
def test_the_stored_name(header, url, expected):
    assert stored_name(header, url) == expected
