"""`io.kestra.plugin.jdbc.snowflake` Upload and Download: a file of internal storage
PUT to a stage, and a staged file fetched with GET into internal storage, as Kestra's
Upload (SnowflakeConnection#uploadStream) and Download (#downloadStream) do."""
from __future__ import annotations

import gzip
import shutil
import tempfile
from pathlib import Path
from typing import Any

from plugins.api.context import TaskFailed
from plugins.api.properties import Output, Property
from plugins.api.registry import register

from .. import examples
from ..errors import JdbcError
from ..query import JdbcTask, as_bool
from .connection import CONNECTION_OPTIONS, SNOWFLAKE_PROPERTIES
from .tasks import DIALECT

CONNECTION = (
    Property("url", required=True, description="jdbc:snowflake://ACCOUNT.snowflakecomputing.com/?..."),
    Property("username", description="The Snowflake user."),
    Property("password", description="The user's password (or use `privateKey`)."),
    *SNOWFLAKE_PROPERTIES,
)
# Names a stage path may hold without quoting: Snowflake's identifiers, `%table`, `~`,
# dots and slashes; the file name is a plain name.
UNSAFE = set("'\"\\;\n\r\t ")


def stage_location(stage_name: str, prefix: str | None) -> str:
    """`@stage/prefix`: the driver adds the `@` a stage name may leave out."""
    stage = stage_name.strip()
    if not stage or UNSAFE & set(stage) or (prefix and UNSAFE & set(prefix)):
        raise JdbcError(f"stageName '{stage_name}' (prefix '{prefix or ''}') is not a stage path Snowflake reads "
                        f"unquoted")
    location = stage if stage.startswith("@") else "@" + stage
    return location.rstrip("/") + ("/" + prefix.strip("/") if prefix and prefix.strip("/") else "")


def plain_file_name(name: str | None, prop: str = "fileName") -> str:
    if not name or UNSAFE & set(name) or "/" in name:
        raise JdbcError(f"{prop} '{name}' must be a plain file name (no path, quotes or blanks)")
    return name


@register
class Upload(JdbcTask):
    type = "io.kestra.plugin.jdbc.snowflake.Upload"
    title = "Upload data from an internal storage file to a Snowflake stage."
    examples = examples.SNOWFLAKE_UPLOAD
    description = ("The stage is `@database.schema.%table` for a table's stage, `@database.schema.stage` for a "
                   "named one, `~` for the user's.")
    dialect = DIALECT
    connection_options = CONNECTION_OPTIONS
    properties = (
        *CONNECTION,
        Property("from", required=True, description="The kestra:// URI of the file to upload."),
        Property("stageName", required=True, description="The stage: a stage name or a table's stage."),
        Property("prefix", required=True, description="The path in the stage the file is put under."),
        Property("fileName", required=True, description="The name the file gets in the stage."),
        Property("compress", "boolean", default=True, description="Gzip the file on the way (AUTO_COMPRESS)."),
    )
    outputs = (Output("uri", "string", "The staged file's path: prefix/fileName, with .gz when compressed."),)

    def run(self, ctx: Any) -> dict[str, Any]:
        try:
            source = str(ctx.render(self.get("from")))
            prefix = self.text(ctx, "prefix") or ""
            file_name = plain_file_name(self.text(ctx, "fileName"))
            location = stage_location(self.text(ctx, "stageName") or "", prefix)
            compress = as_bool(ctx.render(self.get("compress")), "compress")
        except JdbcError as exc:
            raise TaskFailed(f"{self.id}: {exc}") from None
        ctx.logger.info(f"Starting upload to stage '{location}' with name '{file_name}'")
        sql = f"PUT 'file:///{file_name}' {location} AUTO_COMPRESS={'TRUE' if compress else 'FALSE'}"
        with ctx.open_file(source) as stream, self.connected(ctx) as connection:
            stop = ctx.cancellation.on_cancel(stream.close)  # the upload reads this stream: closing it ends it
            try:
                cursor = connection.cursor()
                cursor.execute(sql, file_stream=stream)
                results = cursor.fetchall()
            except (ValueError, OSError):  # "seek of closed file": the kill closed the stream, and ended the task
                ctx.cancellation.check()
                raise
            finally:
                stop()
            ctx.cancellation.check()
        for row in results:
            status, message = (str(row[6]), row[7]) if len(row) > 7 else ("", row)
            if status not in ("UPLOADED", "SKIPPED"):
                raise TaskFailed(f"{self.id}: the upload of {file_name} ended {status}: {message}")
            if status == "SKIPPED":
                ctx.logger.warn(f"{file_name} was already in the stage with the same content: not uploaded again")
        return {"uri": prefix.rstrip("/") + "/" + file_name + (".gz" if compress else "")}


@register
class Download(JdbcTask):
    type = "io.kestra.plugin.jdbc.snowflake.Download"
    title = "Download a file from a Snowflake stage to internal storage."
    examples = examples.SNOWFLAKE_DOWNLOAD
    dialect = DIALECT
    connection_options = CONNECTION_OPTIONS
    properties = (
        *CONNECTION,
        Property("stageName", required=True, description="The stage: `~`, a table's stage or a stage name."),
        Property("fileName", required=True, description="The file's path in the stage (prefix/name)."),
        Property("compress", "boolean", default=True,
                 description="The staged file is gzipped: unzip it on the way (downloadStream's decompress)."),
    )
    outputs = (Output("uri", "string", "The kestra:// URI of the downloaded file."),)

    def run(self, ctx: Any) -> dict[str, Any]:
        try:
            path = self.text(ctx, "fileName") or ""
            *folders, name = path.strip("/").split("/")
            location = stage_location(self.text(ctx, "stageName") or "", "/".join(folders))
            plain_file_name(name)
            decompress = as_bool(ctx.render(self.get("compress")), "compress")
        except JdbcError as exc:
            raise TaskFailed(f"{self.id}: {exc}") from None
        ctx.logger.info(f"Starting download from stage '{location}' with name '{name}'")
        with tempfile.TemporaryDirectory(dir=ctx.working_dir()) as folder, self.connected(ctx) as connection:
            cursor = connection.cursor()
            cursor.execute(f"GET {location}/{name} 'file://{folder}/'")
            ctx.cancellation.check()
            got = Path(folder) / name
            if not got.is_file():
                raise TaskFailed(f"{self.id}: no file {name} in {location}")
            unzip = decompress and name.endswith(".gz")
            with (gzip.open(got, "rb") if unzip else open(got, "rb")) as source, \
                    ctx.new_file(name[:-3] if unzip else name) as target:
                shutil.copyfileobj(source, target)
        return {"uri": target.uri}
