"""Kestra's ProxyConfiguration (options.proxy, and the deprecated options.proxy* keys):
requests go through a real forwarding proxy, in absolute form, with the proxy's Basic
credentials; the server sees them arrive from the proxy (its Via header), never the
proxy credentials. A proxy that refuses the credentials fails the task with its 407."""
import json

import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_requests_go_through_the_proxy_with_its_credentials(http_server, proxy_server):
    port = proxy_server.server.server_address[1]
    run = run_flow(f"""
id: proxied
namespace: tests.http
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/echo')}
    options:
      proxy:
        type: HTTP
        address: 127.0.0.1
        port: {port}
        username: pat
        password: "{{{{ 'pr0xy' }}}}"
  - id: legacy
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url('/text')}
    options:
      proxyType: HTTP
      proxyAddress: 127.0.0.1
      proxyPort: {port}
      proxyUsername: pat
      proxyPassword: pr0xy
""")
    assert run.state == "SUCCESS", run.logs()
    assert [received.path for received in proxy_server.received] == [http_server.url("/echo"),
                                                                     http_server.url("/text")]
    assert all(received.headers["Proxy-Authorization"] == proxy_server.proxy_credentials
               for received in proxy_server.received)
    seen = json.loads(run.one("call").outputs["body"])["headers"]
    assert seen["Via"] == "1.1 kestraweb-test-proxy" and "Proxy-Authorization" not in seen
    assert [received.headers.get("Via") for received in http_server.received] == ["1.1 kestraweb-test-proxy"] * 2
    assert run.one("legacy").outputs["length"] == len("héllo".encode())


def test_a_proxy_that_refuses_the_credentials_fails_the_task(http_server, proxy_server):
    run = run_flow(f"""
id: proxy_refused
namespace: tests.http
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/json')}
    options:
      proxy:
        type: HTTP
        address: 127.0.0.1
        port: {proxy_server.server.server_address[1]}
        username: pat
        password: wrong
""")
    assert run.state == "FAILED"
    assert any("Failed http request with response code '407'" in line for line in run.logs()), run.logs()
    assert http_server.received == []  # nothing got past the proxy
