"""A flow's first task that makes the files the storage tasks read: LocalFiles in a
WorkingDirectory, its `outputs.files.uris` keyed by file name."""
import textwrap

from storage import internal_storage


def with_files(flow_id: str, files: dict[str, str], tasks: str, inside: bool = False) -> str:
    """`tasks` follow the WorkingDirectory, or with `inside` run in it (sharing its folder)."""
    inputs = "\n".join(f"          {name}: |-\n" + textwrap.indent(content, " " * 12)
                       for name, content in files.items())
    names = ", ".join(f'"{name}"' for name in files)
    return f"""
id: {flow_id}
namespace: tests.storage
tasks:
  - id: wdir
    type: io.kestra.plugin.core.flow.WorkingDirectory
    tasks:
      - id: files
        type: io.kestra.core.tasks.storages.LocalFiles
        inputs:
{inputs}
        outputs: [{names}]
""" + textwrap.indent(textwrap.dedent(tasks), "      " if inside else "  ")


def read_stored(uri: str) -> str:
    """The text of a file of internal storage."""
    with internal_storage().open(uri, "rb") as file:
        return file.read().decode()
