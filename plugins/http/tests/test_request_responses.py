"""Request against a real local server: its outputs, and which response codes fail it.
Follows Kestra's io.kestra.plugin.core.http.Request and HttpClient#isAllowedStatusCode
(allowedResponseCodes when set, else allowFailed, else below 400)."""
import json

import pytest

from expressions.encryption import decrypt
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def flow(task: str) -> str:
    return "id: req\nnamespace: tests.http\ntasks:\n" + task


def test_a_json_answer_gives_code_headers_body_and_uri(http_server):
    run = run_flow(flow(f"""
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/json')}
  - id: use
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ json(outputs.call.body).hello }}}}"
"""))
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("call").outputs
    assert outputs["code"] == 200 and outputs["uri"] == http_server.url("/json")
    assert json.loads(outputs["body"]) == {"hello": "world"}
    assert outputs["headers"]["X-Trace"] == ["a"] and outputs["headers"]["Content-Type"] == ["application/json"]
    assert "world" in run.logs()
    assert http_server.last().headers["User-Agent"] == "Kestra"


def test_a_text_answer_is_decoded_as_utf8_under_the_old_type_name(http_server):
    run = run_flow(flow(f"""
  - id: call
    type: io.kestra.plugin.fs.http.Request
    uri: {http_server.url('/text')}
"""))
    assert run.state == "SUCCESS" and run.one("call").outputs["body"] == "héllo"


@pytest.mark.parametrize("code", [404, 500])
def test_a_failed_code_fails_the_task_with_the_code_and_body(http_server, code):
    run = run_flow(flow(f"""
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url(f'/status/{code}')}
"""))
    assert run.state == "FAILED"
    assert any(f"Failed http request with response code '{code}' and body:\nstatus {code} body" in line
               for line in run.logs())


@pytest.mark.parametrize("allow", ["options:\n      allowFailed: true", "allowFailed: true"])
def test_allow_failed_keeps_a_500_as_outputs(http_server, allow):
    run = run_flow(flow(f"""
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/status/500')}
    {allow}
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("call").outputs["code"] == 500 and run.one("call").outputs["body"] == "status 500 body"


def test_allowed_response_codes_accept_only_those_codes(http_server):
    run = run_flow(flow(f"""
  - id: not_found_is_fine
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/status/404')}
    options:
      allowedResponseCodes: [404]
  - id: ok_is_not
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/json')}
    options:
      allowedResponseCodes: [404]
      allowFailed: true
"""))
    assert run.one("not_found_is_fine").state == "SUCCESS"
    assert run.one("ok_is_not").state == "FAILED"
    assert any("response code '200'" in line for line in run.logs())


def test_redirects_are_followed_unless_told_not_to(http_server):
    run = run_flow(flow(f"""
  - id: followed
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/redirect')}
  - id: kept
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/redirect')}
    options:
      followRedirects: false
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("followed").outputs["code"] == 200
    assert run.one("kept").outputs["code"] == 302 and run.one("kept").outputs["headers"]["Location"] == ["/json"]


def test_encrypt_body_outputs_the_body_sealed_with_the_server_key(http_server, settings):
    run = run_flow(flow(f"""
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/text')}
    encryptBody: true
"""))
    outputs = run.one("call").outputs
    assert "body" not in outputs and outputs["encryptedBody"]["type"] == "io.kestra.datatype:aes_encrypted"
    assert decrypt(settings.ENCRYPTION_SECRET_KEY, outputs["encryptedBody"]["value"]) == "héllo"


def test_a_body_over_the_limit_fails_and_names_the_setting(http_server, settings):
    settings.HTTP_REQUEST_MAX_BODY = 1000
    run = run_flow(flow(f"""
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/large?size=5000')}
"""))
    assert run.state == "FAILED"
    assert any("over 1000 bytes (setting KESTRAWEB_HTTP_REQUEST_MAX_BODY)" in line for line in run.logs())


def test_a_refused_connection_fails_naming_the_uri():
    run = run_flow(flow("""
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: http://127.0.0.1:1/nothing
"""))
    assert run.state == "FAILED"
    assert any(line.startswith("http://127.0.0.1:1/nothing: ") for line in run.logs())
