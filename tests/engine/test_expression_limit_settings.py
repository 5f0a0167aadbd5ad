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
