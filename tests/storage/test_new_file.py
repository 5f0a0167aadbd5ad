"""ctx.new_file(name): a task writes a file straight into internal storage, chunk by
chunk, and gets its kestra:// URI when the block ends (Kestra's
RunContext.storage().putFile on a stream, io.kestra.core.storages.Storage)."""
from __future__ import annotations

import pytest

from plugins.api.context import TaskFailed
from plugins.api.properties import Property
from plugins.api.registry import register, resolve
from plugins.api.task import RunnableTask
from storage import internal_storage, layout
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)
CHUNK = b"0123456789abcdef" * 4096  # 64 KiB


if resolve("tests.StreamToStorage") is None:
    @register
    class StreamToStorage(RunnableTask):
        """Test-only task: writes `chunks` chunks of 64 KiB with ctx.new_file, then reads
        the file back with ctx.open_file; `failAfter` raises inside the block."""

        type = "tests.StreamToStorage"
        properties = (Property("chunks", required=True), Property("failAfter"))

        def run(self, ctx):
            chunks, fail_after = int(ctx.render_property("chunks")), ctx.render_property("failAfter")
            with ctx.new_file("big.bin") as out:
                for index in range(chunks):
                    if fail_after is not None and index == int(fail_after):
                        raise TaskFailed(f"failed after {index} chunks")
                    out.write(CHUNK)
                written = out.tell()
            with ctx.open_file(out.uri) as back:
                first = back.read(len(CHUNK))
            return {"uri": out.uri, "written": written, "firstChunkSame": first == CHUNK}


def test_a_streamed_file_is_stored_under_the_taskruns_uri_and_reads_back():
    run = run_flow("""
        id: new-file
        namespace: tests.storage
        tasks:
          - id: write
            type: tests.StreamToStorage
            chunks: 40
          - id: size
            type: io.kestra.plugin.core.debug.Return
            format: "{{ fileSize(outputs.write.uri) }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    write = run.one("write")
    uri = write.outputs["uri"]
    assert uri == layout.taskrun_file("tests.storage", "new-file", run.execution.id, "write", write.id, "big.bin")
    assert write.outputs["written"] == 40 * len(CHUNK) and write.outputs["firstChunkSame"]
    assert internal_storage().size(uri) == 40 * len(CHUNK)
    assert run.one("size").outputs["value"] == str(40 * len(CHUNK))


def test_a_block_that_raises_leaves_no_file_not_even_a_partial_one():
    run = run_flow("""
        id: new-file-fails
        namespace: tests.storage
        tasks:
          - id: write
            type: tests.StreamToStorage
            chunks: 10
            failAfter: 3
    """)
    write = run.one("write")
    assert run.state == "FAILED" and write.state == "FAILED"
    folder = layout.taskrun_file("tests.storage", "new-file-fails", run.execution.id, "write", write.id, "")
    assert internal_storage().list_files(folder) == []
    assert any("failed after 3 chunks" in line for line in run.logs())


def test_the_uri_is_not_known_inside_the_block(tmp_path):
    from plugins.api.files import FileNotFinished, NewFile

    with (tmp_path / "f").open("wb") as stream:
        handle = NewFile(stream, "f")
        with pytest.raises(FileNotFinished, match="f: its URI is known once"):
            _ = handle.uri
