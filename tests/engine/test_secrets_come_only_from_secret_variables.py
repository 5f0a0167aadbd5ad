"""`secret()` reads only `SECRET_<NAME>` variables holding base64, as Kestra's
SecretService (decode + findSecret) and SecretFunction do; Django's SECRET_KEY, a
setting read from the variable of the same name, is never one."""
import base64

import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def use_secret(key: str):
    return run_flow(f"""
        id: secret-source
        namespace: tests.engine
        tasks:
          - id: use
            type: io.kestra.plugin.core.debug.Return
            format: "{{{{ secret('{key}') | length }}}}"
    """)


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize("key", ["KEY", "key"])
def test_django_s_secret_key_is_not_a_secret(monkeypatch, settings, key):
    settings.SECRET_KEY = "django-signing-key"
    monkeypatch.setenv("SECRET_KEY", b64("django-signing-key"))  # even when it happens to be base64
    run = use_secret(key)
    assert run.state == "FAILED"
    assert any(f"Cannot find secret for key '{key}'." in line for line in run.logs()), run.logs()


@pytest.mark.parametrize("key", ["MYKEY", "mykey"])
def test_a_secret_variable_holding_base64_is_found_by_its_name_in_any_case(monkeypatch, key):
    monkeypatch.setenv("SECRET_MYKEY", b64("s3cr3t"))
    run = use_secret(key)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("use").outputs == {"value": "6"}


def test_a_secret_variable_that_is_not_base64_is_skipped(monkeypatch):
    monkeypatch.setenv("SECRET_PLAIN", "not base64!")
    run = use_secret("PLAIN")
    assert run.state == "FAILED"
    assert any("Cannot find secret for key 'PLAIN'." in line for line in run.logs()), run.logs()
