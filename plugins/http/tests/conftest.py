"""Fixtures of the HTTP family's tests: a real local HTTP server, and an HTTPS one with
a self-signed certificate made for the test."""
from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import server


@pytest.fixture
def http_server() -> Iterator[server.LocalServer]:
    state = server.start()
    yield state
    server.stop(state)


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no authority signed, and its key."""
    x509 = pytest.importorskip("cryptography.x509", reason="the cryptography package makes the test certificate")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=5))
                   .not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                                  critical=False)
                   .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


@pytest.fixture
def proxy_server() -> Iterator[server.LocalServer]:
    """A forwarding proxy that wants the credentials ("pat", "pr0xy")."""
    state = server.start_proxy(("pat", "pr0xy"))
    yield state
    server.stop(state)


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[server.LocalServer]:
    state = server.start(self_signed(tmp_path))
    yield state
    server.stop(state)
