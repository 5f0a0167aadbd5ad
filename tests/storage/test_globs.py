"""Globs as Java's PathMatcher reads them (`glob:` syntax, Globs.toRegexPattern), which
Kestra uses for outputFiles and namespaceFiles (PathMatcherPredicate): matched by an
automaton that follows every state at once, so a hostile glob cannot backtrack."""
import pytest

from storage.globs import BadGlob, compile_glob


@pytest.mark.parametrize("glob, path, expected", [
    ("*.txt", "a.txt", True),
    ("*.txt", "dir/a.txt", False),  # `*` does not cross `/`
    ("**.txt", "dir/a.txt", True),  # `**` does
    ("**/*.txt", "a.txt", True),  # `**/` may match no folder
    ("**/*.txt", "x/y/a.txt", True),
    ("data/**", "data/in.csv", True),
    ("data/**", "other/in.csv", False),
    ("?.md", "a.md", True),
    ("?.md", "ab.md", False),
    ("?", "/", False),  # `?` does not match `/` either
    ("*.{sql,md}", "q.sql", True),
    ("*.{sql,md}", "q.py", False),
    ("{a,b/c}.txt", "b/c.txt", True),
    ("{,x}y", "y", True),
    ("[abc].txt", "b.txt", True),
    ("[!abc].txt", "b.txt", False),
    ("[!abc].txt", "d.txt", True),
    ("[a-c]x", "bx", True),
    ("[a-c]x", "dx", False),
    ("[]a]", "]", True),
    ("a[/]b", "a/b", False),  # a class never matches `/`, as in Java
    ("\\*.txt", "*.txt", True),  # `\` makes the next character literal
    ("\\*.txt", "a.txt", False),
    ("a.b", "axb", False),  # anything else is literal
    ("(x)+", "(x)+", True),
])
def test_it_reads_globs_as_java_does(glob, path, expected):
    assert compile_glob(glob).matches(path) is expected


@pytest.mark.parametrize("glob", ["[abc", "{a,b", "{a,{b}}", "x\\"])
def test_it_rejects_globs_it_cannot_read(glob):
    with pytest.raises(BadGlob, match="glob"):
        compile_glob(glob)


def test_a_hostile_glob_ends_at_once_with_the_right_answer():
    """`*a*a*a...b` backtracks exponentially on a backtracking engine against a's with
    no b; here each character is read once, against every state at the same time."""
    hostile = compile_glob("*a" * 30 + "*b")
    assert hostile.matches("a" * 5000) is False
    assert hostile.matches("a" * 5000 + "b") is True
    assert compile_glob("**a" * 30 + "**b").matches("a/" * 3000) is False
