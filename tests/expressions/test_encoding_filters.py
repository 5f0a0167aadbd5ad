"""Base64, digests and URL encoding over UTF-8, as Java does them."""
from expressions import render


def test_base64_round_trip():
    assert render("{{ 'test' | base64encode }}|{{ 'dGVzdA==' | base64decode }}", {}) == "dGVzdA==|test"


def test_digests():
    assert render("{{ 'test' | sha256 }}", {}) == "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    assert render("{{ 'test' | md5 }}|{{ 'test' | sha1 }}", {}) == \
        "098f6bcd4621d373cade4e832627b4f6|a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"
    assert len(render("{{ 'test' | sha512 }}", {})) == 128


def test_url_encoding_uses_plus_for_spaces():
    assert render("{{ 'The string ü@foo-bar' | urlencode }}", {}) == "The+string+%C3%BC%40foo-bar"
    assert render("{{ 'The+string+%C3%BC%40foo-bar' | urldecode }}", {}) == "The string ü@foo-bar"
