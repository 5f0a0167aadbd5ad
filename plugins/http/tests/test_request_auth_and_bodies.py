"""What reaches the server: auth headers (Kestra's BasicAuthConfiguration and
BearerAuthConfiguration, and the deprecated options.basicAuthUser), a text body with
its content type, URL-encoded and multipart formData (AbstractHttp#request), headers."""
import base64
import json

import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def sent(run, task_id: str) -> dict:
    """What /echo saw of a request, from the task's body output."""
    echoed = json.loads(run.one(task_id).outputs["body"])
    echoed["body"] = base64.b64decode(echoed["body"])
    return echoed


def test_basic_and_bearer_auth_reach_the_server(http_server):
    run = run_flow(f"""
id: auth
namespace: tests.http
tasks:
  - id: basic
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/echo')}
    options:
      auth:
        type: BASIC
        username: "{{{{ 'ann' }}}}"
        password: s3cret
  - id: legacy_basic
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/echo')}
    options:
      basicAuthUser: bob
      basicAuthPassword: pw
  - id: bearer
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/echo')}
    options:
      auth:
        type: BEARER
        token: tok-123
""")
    assert run.state == "SUCCESS", run.logs()
    assert sent(run, "basic")["headers"]["Authorization"] == "Basic " + base64.b64encode(b"ann:s3cret").decode()
    assert sent(run, "legacy_basic")["headers"]["Authorization"] == "Basic " + base64.b64encode(b"bob:pw").decode()
    assert sent(run, "bearer")["headers"]["Authorization"] == "Bearer tok-123"


def test_a_body_goes_with_its_content_type_and_charset_and_the_headers(http_server):
    run = run_flow(f"""
id: body
namespace: tests.http
tasks:
  - id: post
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/echo')}
    method: put
    body: '{{"name": "zoë"}}'
    headers:
      X-Request-Id: "{{{{ flow.id }}}}"
""")
    assert run.state == "SUCCESS", run.logs()
    echoed = sent(run, "post")
    assert echoed["method"] == "PUT" and json.loads(echoed["body"]) == {"name": "zoë"}
    assert echoed["headers"]["Content-Type"] == "application/json; charset=UTF-8"
    assert echoed["headers"]["X-Request-Id"] == "body"


def test_form_data_is_url_encoded_by_default(http_server):
    run = run_flow(f"""
id: form
namespace: tests.http
tasks:
  - id: post
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/echo')}
    method: POST
    formData:
      user: John Doe
      age: 42
""")
    echoed = sent(run, "post")
    assert echoed["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert echoed["body"] == b"user=John+Doe&age=42"


def test_multipart_form_data_sends_text_and_files_from_storage(http_server):
    run = run_flow(f"""
id: multipart
namespace: tests.http
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url('/attachment')}
  - id: upload
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/echo')}
    method: POST
    contentType: multipart/form-data
    formData:
      user: John Doe
      file: "{{{{ outputs.fetch.uri }}}}"
      renamed:
        name: my-file.csv
        content: "{{{{ outputs.fetch.uri }}}}"
""")
    assert run.state == "SUCCESS", run.logs()
    echoed = sent(run, "upload")
    assert echoed["headers"]["Content-Type"].startswith("multipart/form-data; boundary=")
    body = echoed["body"]
    assert b'name="user"\r\n\r\nJohn Doe\r\n' in body
    assert b'name="file"; filename="report.csv"' in body and b'filename="my-file.csv"' in body
    assert body.count(b"a,b\n1,2\n") == 2


def test_request_and_response_logs_are_written_when_asked(http_server):
    run = run_flow(f"""
id: logs
namespace: tests.http
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/json')}
    method: POST
    body: ping
    options:
      logs: [REQUEST_HEADERS, REQUEST_BODY, RESPONSE_HEADERS, RESPONSE_BODY]
""")
    logs = "\n".join(run.logs())
    assert "body:\nping" in logs and "User-Agent: Kestra" in logs
    assert "X-Trace: a" in logs and '{"hello": "world"}' in logs
