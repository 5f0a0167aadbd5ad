"""Write and Reverse as Kestra's io.kestra.plugin.core.storage classes: rendered content
stored as a new file named with its extension, and a file's lines last first, joined by
the separator, in the file's charset."""
import pytest

from storage import internal_storage
from tests.core.storage_flows import read_stored, with_files
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_write_stores_the_rendered_content_with_its_extension():
    run = run_flow("""
        id: write
        namespace: tests.storage
        tasks:
          - id: write
            type: io.kestra.plugin.core.storage.Write
            content: "héllo {{ flow.id }}"
            extension: .txt
          - id: plain
            type: io.kestra.plugin.core.storage.Write
            content: "{{ 6 * 7 }}"
          - id: size
            type: io.kestra.plugin.core.storage.Size
            uri: "{{ outputs.write.uri }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    uri = run.one("write").outputs["uri"]
    assert uri.endswith(".txt") and read_stored(uri) == "héllo write"
    assert run.one("size").outputs == {"size": len("héllo write".encode())}
    assert run.one("plain").outputs["uri"].endswith(".tmp") and read_stored(run.one("plain").outputs["uri"]) == "42"


def test_reverse_puts_the_last_line_first():
    run = run_flow(with_files("reverse", {"lines.csv": "a\r\nb\rc\nd\n"}, """
        - id: reverse
          type: io.kestra.plugin.core.storage.Reverse
          from: "{{ outputs.files.uris['lines.csv'] }}"
        - id: joined
          type: io.kestra.core.tasks.storages.Reverse
          from: "{{ outputs.files.uris['lines.csv'] }}"
          separator: ";"
    """))
    assert run.state == "SUCCESS", run.logs()
    reversed_uri = run.one("reverse").outputs["uri"]
    assert reversed_uri.endswith(".csv")  # the original's extension
    assert read_stored(reversed_uri) == "d\nc\nb\na"
    assert read_stored(run.one("joined").outputs["uri"]) == "d;c;b;a"


def test_reverse_reads_and_writes_in_the_charset():
    run = run_flow("""
        id: reverse_latin
        namespace: tests.storage
        tasks:
          - id: write
            type: io.kestra.plugin.core.storage.Write
            content: "été\\nhiver"
          - id: reverse
            type: io.kestra.plugin.core.storage.Reverse
            from: "{{ outputs.write.uri }}"
            charset: ISO-8859-1
          - id: unknown
            type: io.kestra.plugin.core.storage.Reverse
            from: "{{ outputs.write.uri }}"
            charset: NOT-A-CHARSET
    """)
    with internal_storage().open(run.one("reverse").outputs["uri"], "rb") as file:
        assert file.read() == "hiver\nÃ©tÃ©".encode("iso-8859-1")  # UTF-8 bytes read as Latin-1, kept as they were
    assert run.one("unknown").state == "FAILED"
    assert any("Unsupported charset: NOT-A-CHARSET" in line for line in run.logs()), run.logs()


def test_reverse_of_an_empty_file_fails_naming_it():
    run = run_flow("""
        id: reverse_empty
        namespace: tests.storage
        tasks:
          - id: write
            type: io.kestra.plugin.core.storage.Write
            content: ""
          - id: reverse
            type: io.kestra.plugin.core.storage.Reverse
            from: "{{ outputs.write.uri }}"
    """)
    assert run.one("reverse").state == "FAILED"
    assert any(line.startswith("from: the file kestra://") and line.endswith("is empty") for line in run.logs()), \
        run.logs()
