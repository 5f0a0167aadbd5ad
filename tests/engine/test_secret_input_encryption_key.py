"""SECRET inputs are encrypted under settings.ENCRYPTION_SECRET_KEY, Kestra's
`kestra.encryption.secret-key` (io.kestra.core.runners.RunVariables decrypts them with
EncryptionService and that key): a server given Kestra's key reads what Kestra stored."""
import pytest
from django.core.exceptions import ImproperlyConfigured

from executions.encryption import ENCRYPTED_TYPE, decrypt, encrypt
from tests.expressions.test_encrypt_decrypt import ENCRYPTED_BY_JAVA, KESTRA_TEST_KEY


def test_a_secret_kestra_encrypted_reads_with_the_same_key(settings):
    settings.ENCRYPTION_SECRET_KEY = KESTRA_TEST_KEY
    assert decrypt({"type": ENCRYPTED_TYPE, "value": ENCRYPTED_BY_JAVA}) == "Hello World! é"


def test_a_configured_key_that_is_no_aes_key_is_named(settings):
    settings.ENCRYPTION_SECRET_KEY = "c2hvcnQ="
    with pytest.raises(ImproperlyConfigured, match="KESTRAWEB_ENCRYPTION_SECRET_KEY: Invalid AES key length"):
        encrypt("s3cr3t")
