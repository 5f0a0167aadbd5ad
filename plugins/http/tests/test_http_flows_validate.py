"""Flows with the HTTP types validate under Kestra's names, current and older
(io.kestra.plugin.fs.http.*); a typo inside `options` is refused with its path when the
flow is saved, as Kestra refuses unknown properties; each type's examples validate."""
import pytest

from plugins.http.download import Download
from plugins.http.request import Request
from plugins.http.trigger import Trigger
from tests.spec.helpers import errors_of

TASK = """
id: http
namespace: company.team
tasks:
  - id: call
    type: {type}
    uri: https://example.com/data.csv
    method: POST
    headers:
      X-Id: "{{{{ execution.id }}}}"
    options:
      timeout:
        connectTimeout: PT5S
        readIdleTimeout: PT1M
      auth:
        type: BEARER
        token: "{{{{ secret('TOKEN') }}}}"
      ssl:
        insecureTrustAllCertificates: true
      allowedResponseCodes: [200, 204]
      readTimeout: PT30S
      basicAuthUser: legacy
    {extra}
"""


@pytest.mark.parametrize("type_name, extra", [
    ("io.kestra.plugin.core.http.Request", "encryptBody: true"),
    ("io.kestra.plugin.fs.http.Request", "allowFailed: true"),
    ("io.kestra.plugin.core.http.Download", "failOnEmptyResponse: false"),
    ("io.kestra.plugin.fs.http.Download", "sslOptions: {insecureTrustAllCertificates: true}"),
])
def test_an_http_task_validates_with_current_and_deprecated_options(type_name, extra):
    assert errors_of(TASK.format(type=type_name, extra=extra)) == []


def test_typos_inside_options_are_refused_with_their_path():
    request = TASK.format(type="io.kestra.plugin.core.http.Request", extra="")
    assert [error.path for error in errors_of(request.replace("      readTimeout: PT30S", "      retries: 3"))] == [
        "tasks[0].options.retries"]
    errors = errors_of(request.replace("readIdleTimeout: PT1M", "readIdelTimeout: PT1M")
                       .replace("insecureTrustAllCertificates: true", "insecure: true"))
    assert sorted(error.path for error in errors) == ["tasks[0].options.ssl.insecure",
                                                      "tasks[0].options.timeout.readIdelTimeout"]


def test_an_unknown_auth_type_is_refused():
    errors = errors_of(TASK.format(type="io.kestra.plugin.core.http.Download", extra="")
                       .replace("type: BEARER", "type: OAUTH"))
    assert [error.path for error in errors] == ["tasks[0].options.auth.type"]


def test_the_trigger_validates_under_both_names():
    for type_name in ("io.kestra.plugin.core.http.Trigger", "io.kestra.plugin.fs.http.Trigger"):
        assert errors_of(f"""
id: watch
namespace: company.team
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.body }}}}"
triggers:
  - id: http
    type: {type_name}
    uri: https://example.com/health
    responseCondition: "{{{{ response.statusCode == 200 }}}}"
    interval: PT30S
    stopAfter: [SUCCESS]
""") == []


@pytest.mark.parametrize("example", [example for cls in (Request, Download, Trigger) for example in cls.examples],
                         ids=lambda example: example.title)
def test_each_example_validates(example):
    """They call services on the internet (example.services): validated, not run."""
    assert example.full and example.services == ("internet",)
    assert errors_of(example.code) == []
