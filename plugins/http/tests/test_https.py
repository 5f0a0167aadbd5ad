"""HTTPS with a self-signed certificate: refused by default, accepted with
options.ssl.insecureTrustAllCertificates or the deprecated sslOptions (Kestra's
SslOptions and HttpClient#selfSignedConnectionSocketFactory)."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_self_signed_certificate_is_refused_by_default(https_server):
    run = run_flow(f"""
id: tls
namespace: tests.http
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {https_server.url('/json')}
""")
    assert run.state == "FAILED"
    assert any("CERTIFICATE_VERIFY_FAILED" in line and "insecureTrustAllCertificates" in line for line in run.logs())


@pytest.mark.parametrize("ssl", ["options:\n      ssl:\n        insecureTrustAllCertificates: true",
                                 "sslOptions:\n      insecureTrustAllCertificates: true"])
def test_insecure_trust_all_certificates_accepts_it(https_server, ssl):
    run = run_flow(f"""
id: tls
namespace: tests.http
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Download
    uri: {https_server.url('/json')}
    {ssl}
""")
    assert run.state == "SUCCESS", run.logs()
    assert run.one("call").outputs["length"] == len('{"hello": "world"}')
