"""A flow author's regular expression runs with a time bound: a catastrophic pattern
(exponential backtracking) ends with an error naming KESTRAWEB_REGEX_TIMEOUT instead of
freezing the process. Java's String.matches / replaceAll / split and Pebble's
`replace(regexp=true)` and `split` filters (Pebble's ReplaceFilter, SplitFilter) take
Java patterns; Kestra runs them on java.util.regex, which has no such bound."""
import threading

import pytest

from expressions import Budget, ExpressionError, LimitExceeded, Limits, render

# `(a|aa)+$` on a's followed by a character that fails: every split of the a's is tried
CATASTROPHIC = "(a|aa)+$"
VICTIM = "a" * 70 + "!"


def tight():
    return Budget(Limits(regex_timeout=0.05))


@pytest.mark.parametrize("template", [
    "{{ victim.matches(regex) }}",
    "{{ victim.replaceAll(regex, 'x') }}",
    "{{ victim.replaceFirst(regex, 'x') }}",
    "{{ victim.split(regex) }}",
    "{{ victim | split(regex) }}",
    "{{ victim | replace({(regex): 'x'}, regexp=true) }}",
    "{{ victim | regexMatch(regex) }}",
    "{{ victim | regexReplace(regex, 'x') }}",
])
def test_it_stops_a_catastrophic_pattern_naming_the_limit(template):
    with pytest.raises(LimitExceeded, match="KESTRAWEB_REGEX_TIMEOUT") as stopped:
        render(template, {"victim": VICTIM, "regex": CATASTROPHIC}, budget=tight())
    assert stopped.value.limit == "regex_timeout"
    assert CATASTROPHIC in str(stopped.value)


def test_the_process_renders_on_after_a_stopped_pattern():
    with pytest.raises(LimitExceeded):
        render("{{ victim.matches(regex) }}", {"victim": VICTIM, "regex": CATASTROPHIC}, budget=tight())
    assert render("{{ 'aaa'.matches(regex) }}", {"regex": CATASTROPHIC}, budget=tight()) == "true"


def test_java_syntax_still_works():
    """Named groups as Java writes them, `$1`/`${name}` replacements, possessive
    quantifiers and Java's ASCII-only POSIX classes."""
    assert render("{{ '2024-11' | regexReplace('(?<y>[0-9]+)-([0-9]+)', '$2/${y}') }}", {}) == "11/2024"
    assert render("{{ 'aaa'.matches('a++') }}", {}) == "true"
    assert render("{{ text.matches(regex) }}", {"text": "é", "regex": "\\p{Alpha}"}) == "false"
    assert render("{{ text.matches(regex) }}", {"text": "e", "regex": "\\p{Alpha}"}) == "true"


def test_an_invalid_pattern_is_an_expression_error():
    with pytest.raises(ExpressionError, match="Invalid regular expression"):
        render("{{ 'a'.matches('(') }}", {})


def test_other_threads_run_while_a_pattern_is_stopped():
    """The pattern lets go of the interpreter while it runs: a worker thread's
    catastrophic pattern does not stop the executor's renders meanwhile."""
    started, outcome = threading.Event(), {}

    def victim():
        started.set()
        return VICTIM

    def hostile():
        try:
            render("{{ victim().matches(regex) }}", {"regex": CATASTROPHIC}, {"victim": victim},
                   budget=Budget(Limits(regex_timeout=2)))
        except LimitExceeded as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=hostile)
    thread.start()
    started.wait()
    renders = 0
    while thread.is_alive():
        assert render("{{ 'other' | upper }}", {}) == "OTHER"
        renders += 1
    assert outcome["error"].limit == "regex_timeout"
    # the pattern runs 2 s: about 100 000 renders beside it; under 1 000 when it holds the interpreter
    assert renders > 5000, f"only {renders} renders while the pattern ran"
