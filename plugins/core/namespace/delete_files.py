"""DeleteFiles: the namespace files matching globs deleted, as Kestra's DeleteFiles does,
and with `deleteParentFolder` the folders they leave without a file."""
from __future__ import annotations

from typing import Any

from expressions.errors import ExpressionError
from plugins.api.context import RunContext, TaskFailed
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask
from storage import StorageError
from storage.globs import BadGlob


@register
class DeleteFiles(RunnableTask):
    type = "io.kestra.plugin.core.namespace.DeleteFiles"
    title = "Delete one or multiple files from your namespace files."
    description = ("`files` is a glob or a regex (`regex:...`), or a list of them, over the namespace files' "
                   "paths, which start with `/` (`**.sql`: every SQL file); a glob starting with a name matches at "
                   "any depth (`load.sql` is `**/load.sql`), as Kestra's PathMatcherPredicate. The `deleted` "
                   "counter says how many went.")
    properties = (
        Property("namespace", required=True, description="The namespace whose files are deleted."),
        Property("files", "any", required=True, description="A glob or a list of globs of the files."),
        Property("deleteParentFolder", "boolean", default=False,
                 description="Also remove the folders the deleted files leave without any file."),
    )
    examples = (Example("Delete the namespace's SQL files and the folders they leave empty", full=True, code="""\
id: delete_files
namespace: company.team
tasks:
  - id: delete
    type: io.kestra.plugin.core.namespace.DeleteFiles
    namespace: company.team
    files:
      - "**.sql"
    deleteParentFolder: true
"""),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        namespace = str(ctx.render_property("namespace"))
        patterns = ctx.render_property("files")
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
            raise TaskFailed("files must be a string or a list of strings")
        store = ctx.namespace_files(namespace)
        try:
            matching = store.list(include=patterns)
        except (BadGlob, ExpressionError) as bad:  # an unclosed glob, a regex that does not compile
            raise TaskFailed(f"files: {bad}") from None
        parents: set[str] = set()
        deleted = 0
        try:
            for path in matching:
                if store.delete(path):
                    deleted += 1
                    ctx.logger.debug(f"Deleted /{path}")
                    parents.update(_folders_above(path))
            if ctx.render_property("deleteParentFolder") is True:
                for folder in sorted(parents, key=lambda folder: folder.count("/"), reverse=True):  # deepest first
                    store.remove_empty_folder(folder)
        except StorageError as refused:
            raise TaskFailed(f"files: {refused}") from None
        ctx.metric("counter", "deleted", deleted)
        return {}


def _folders_above(path: str) -> list[str]:
    """`a/b/c.txt` -> [`a/b`, `a`]."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:end]) for end in range(len(parts), 0, -1)]
