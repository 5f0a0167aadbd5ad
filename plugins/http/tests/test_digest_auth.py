"""Kestra's DigestAuthConfiguration (options.auth type DIGEST) against a real server that
challenges and checks the answer as RFC 7616 says: the password is never sent, the
server's nonce is answered with a digest of it, and a wrong password is refused."""
import json
import urllib.request

import pytest

from tests.flow_runs import run_flow

from .server import DIGEST_PASSWORD, DIGEST_USER

pytestmark = pytest.mark.django_db(transaction=True)


def digest_flow(flow_id: str, url: str, password: str) -> str:
    return f"""
id: {flow_id}
namespace: tests.http
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {url}
    options:
      auth:
        type: DIGEST
        username: {DIGEST_USER}
        password: "{{{{ '{password}' }}}}"
"""


def test_digest_auth_answers_the_challenge(http_server):
    run = run_flow(digest_flow("digest_ok", http_server.url("/digest"), DIGEST_PASSWORD))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("call").outputs["code"] == 200
    assert json.loads(run.one("call").outputs["body"]) == {"user": DIGEST_USER}
    challenge, answer = http_server.received
    assert "Authorization" not in challenge.headers  # the first request learns the nonce
    authorization = answer.headers["Authorization"]
    assert authorization.startswith("Digest ") and DIGEST_PASSWORD not in authorization
    fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(authorization[len("Digest "):]))
    assert fields["algorithm"] == "SHA-256" and fields["qop"] == "auth" and fields["uri"] == "/digest"


def test_a_wrong_digest_password_is_refused(http_server):
    run = run_flow(digest_flow("digest_wrong", http_server.url("/digest"), "not-the-password"))
    assert run.state == "FAILED"
    assert any("Failed http request with response code '401'" in line for line in run.logs()), run.logs()
    assert len(http_server.received) == 2  # one answer to the challenge, no guessing after it
