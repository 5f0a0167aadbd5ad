"""encrypt(key, plaintext) and decrypt(key, encrypted), as Kestra's EncryptFunction and
DecryptFunction (EncryptDecryptFunctionTest) over io.kestra.core.encryption.EncryptionService
(EncryptionServiceTest): AES/GCM/NoPadding, the IV before the ciphertext, base64."""
import pytest

from expressions import ExpressionError, render

# The key of Kestra's own tests (application-test.yml: kestra.encryption.secret-key).
KESTRA_TEST_KEY = "I6EGNzRESu3X3pKZidrqCGOHQFUFC0yK"
# "Hello World! é" encrypted under that key by javax.crypto's AES/GCM/NoPadding with a
# 12-byte IV and a 128-bit tag, as EncryptionService.encrypt does it.
ENCRYPTED_BY_JAVA = "hoezrJ7p6Q6QdsTz9yGvuT/QhdbMFzyv/tWmw2dvuwgdXE+sRhiruRwbXQ=="


def test_what_encrypt_gives_decrypt_reads_back():
    key = {"secretKey": KESTRA_TEST_KEY}
    encrypted = render("{{ encrypt(secretKey, 'toto') }}", key)
    assert encrypted != "toto"
    assert render(f"{{{{ decrypt(secretKey, '{encrypted}') }}}}", key) == "toto"


def test_it_decrypts_what_java_encrypted_the_way_kestra_does():
    assert render(f"{{{{ decrypt('{KESTRA_TEST_KEY}', '{ENCRYPTED_BY_JAVA}') }}}}", {}) == "Hello World! é"


def test_each_encryption_uses_a_new_iv():
    template = f"{{{{ encrypt('{KESTRA_TEST_KEY}', 'same') }}}}"
    assert render(template, {}) != render(template, {})


def test_empty_text_stays_empty():
    assert render(f"[{{{{ encrypt('{KESTRA_TEST_KEY}', '') }}}}][{{{{ decrypt('{KESTRA_TEST_KEY}', '') }}}}]", {}) \
        == "[][]"


@pytest.mark.parametrize("template, message", [
    ("{{ encrypt('toto') }}", "expects two arguments 'key' and 'plaintext'"),
    ("{{ decrypt('toto') }}", "expects two arguments 'key' and 'encrypted'"),
    ("{{ encrypt('c2hvcnQ=', 'x') }}", "Invalid AES key length: 5 bytes"),
    ("{{ encrypt('not base64!', 'x') }}", "the key is not base64"),
    (f"{{{{ decrypt('{'A' * 32}', '{ENCRYPTED_BY_JAVA}') }}}}", "Tag mismatch"),
])
def test_it_refuses_wrong_arguments_saying_why(template, message):
    with pytest.raises(ExpressionError, match=message):
        render(template, {})
