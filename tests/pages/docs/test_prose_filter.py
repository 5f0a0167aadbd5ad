"""The `prose` filter: descriptions' short Markdown as HTML, never their markup."""
from kestraweb.templatetags.prose import inline_prose, prose


def test_it_makes_paragraphs_code_bold_and_links():
    html = prose("Use `kv()` **now**.\n\nSee [the docs](https://kestra.io/docs).")
    assert html == ('<p>Use <code>kv()</code> <strong>now</strong>.</p>'
                    '<p>See <a href="https://kestra.io/docs">the docs</a>.</p>')


def test_it_escapes_markup():
    assert prose("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_it_links_only_web_addresses_and_site_paths():
    assert "<a" not in prose("[click](javascript:alert(1))")
    assert '<a href="/ui/docs">' in prose("[docs](/ui/docs)")


def test_inline_has_no_paragraph():
    assert inline_prose("`array` of `string`") == "<code>array</code> of <code>string</code>"
    assert prose(None) == "" and inline_prose(None) == ""
