"""The expression limits are settings (section `# Limits` of kestraweb/settings.py),
each env-overridable as the name its error gives; the engine renders with them."""
import pytest

from expressions import Limits
from expressions.limits import SETTING_NAMES
from flows.spec import InputInvalid
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_limit_has_the_setting_its_error_names(settings):
    for field, name in SETTING_NAMES.items():
        assert hasattr(Limits, field)
        assert hasattr(settings, name.removeprefix("KESTRAWEB_")), name


def test_the_engine_renders_with_the_settings_values(settings):
    settings.EXPRESSION_MAX_RANGE = 5
    run = run_flow("""
        id: small-range
        namespace: tests.engine
        tasks:
          - id: fits
            type: io.kestra.plugin.core.log.Log
            message: "{{ range(1, 5) | length }}"
          - id: too-long
            type: io.kestra.plugin.core.log.Log
            message: "{{ range(1, 6) | length }}"
    """)
    assert run.one("fits").state == "SUCCESS" and run.one("too-long").state == "FAILED"
    assert "5" in run.logs()
    assert any("KESTRAWEB_EXPRESSION_MAX_RANGE=5" in m for m in run.logs())


def test_input_validators_run_under_the_regex_timeout(settings):
    settings.REGEX_TIMEOUT = 0.05
    with pytest.raises(InputInvalid, match="KESTRAWEB_REGEX_TIMEOUT=0.05"):
        run_flow("""
            id: catastrophic-validator
            namespace: tests.engine
            inputs:
              - id: code
                type: STRING
                validator: "(a|aa)+$"
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.code }}"
        """, inputs={"code": "a" * 70 + "!"})


def test_the_yaml_function_reads_with_the_settings_yaml_limits(settings):
    settings.YAML_MAX_ALIASES = 2
    run = run_flow("""
        id: yaml-aliases
        namespace: tests.engine
        variables:
          doc: "a: &a [1]\\nb: [*a, *a, *a]"
        tasks:
          - id: read
            type: io.kestra.plugin.core.log.Log
            message: "{{ yaml(vars.doc) }}"
    """)
    assert run.one("read").state == "FAILED"
    assert any("KESTRAWEB_YAML_MAX_ALIASES=2" in m for m in run.logs()), run.logs()


def test_a_pattern_a_task_runs_outside_a_render_obeys_the_regex_timeout_setting(settings):
    """ForEachItem's regexPattern runs over the file in the _split task, outside any
    render: the setting reaches it as it reaches the patterns inside renders."""
    from plugins.core.flow.item_batches import split
    from expressions import LimitExceeded

    settings.REGEX_TIMEOUT = 0.05
    with pytest.raises(LimitExceeded, match="KESTRAWEB_REGEX_TIMEOUT=0.05"):
        split(b"a" * 70 + b"!\n", {"regexPattern": "((a|aa)+)$"})
