"""A flow's `sla` and `checks` items take Kestra's keys only (its SLA and Check models,
as documented in workflow-components/sla and /checks), with their fixed words."""
from .helpers import errors_of, parse, with_tasks


def test_kestras_sla_and_checks_are_accepted():
    parse(with_tasks("""
        id: asserted
        namespace: company.team
        sla:
          - {id: slow, type: MAX_DURATION, duration: PT8H, behavior: CANCEL, labels: {sla: miss}}
          - {id: odd, type: EXECUTION_ASSERTION, assert: "{{ true }}", behavior: NONE}
        checks:
          - {condition: "{{ true }}", message: ok, style: WARNING, behavior: FAIL_EXECUTION}
        """))


def test_unknown_keys_and_wrong_words_are_refused_with_their_lines():
    errors = errors_of(with_tasks("""
        id: asserted
        namespace: company.team
        sla:
          - {id: slow, type: MAX_DURATION, duraton: PT8H}
          - {id: odd, type: SOMETIMES}
        checks:
          - {condition: "{{ true }}", message: ok, style: LOUD, behaviour: BLOCK_EXECUTION}
        """))
    assert {(e.path, e.line) for e in errors} == {
        ("sla[0].duraton", 4), ("sla[0].duration", 4), ("sla[1].type", 5),
        ("checks[0].style", 7), ("checks[0].behaviour", 7),
    }
