"""JDBC urls as Kestra's plugins take them, read into what a Python driver needs.

    jdbc:postgresql://host:port/database?user=u&password=p
    jdbc:mysql://host:port/database        jdbc:mariadb://host:port/database
    jdbc:sqlite:path/to/file.db            jdbc:sqlite::memory:
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from .errors import JdbcUrlError


@dataclass(frozen=True)
class JdbcUrl:
    scheme: str  # postgresql, mysql, mariadb, sqlite
    host: str | None = None
    port: int | None = None
    database: str | None = None
    path: str | None = None  # sqlite's file
    params: dict[str, str] = field(default_factory=dict)
    username: str | None = None
    password: str | None = None


def parse_jdbc_url(url: str, scheme: str) -> JdbcUrl:
    """Read `url`, which must start with `jdbc:<scheme>` (Kestra's
    JdbcConnectionInterface#validateUrl says the same)."""
    if url is None or not str(url).strip():
        raise JdbcUrlError("Rendered value of `url` is blank.")
    url = str(url).strip()
    prefix = f"jdbc:{scheme}"
    if not url.startswith(prefix + ":"):
        raise JdbcUrlError(f"URL scheme is invalid. URL should start with `{prefix}`")
    rest = url[len(prefix) + 1:]
    if scheme == "sqlite":
        path, _, query = rest.partition("?")
        if not path:
            raise JdbcUrlError("a SQLite url names its file: jdbc:sqlite:path/to/file.db")
        return JdbcUrl(scheme, path=path, params=dict(parse_qsl(query)))
    if not rest.startswith("//"):
        raise JdbcUrlError(f"a {scheme} url is written {prefix}://host:port/database")
    parts = urlsplit(rest)
    try:
        port = parts.port
    except ValueError as exc:
        raise JdbcUrlError(f"the port of `{url}` is not a number: {exc}") from None
    params = dict(parse_qsl(parts.query))
    return JdbcUrl(scheme, host=parts.hostname or "localhost", port=port,
                   database=unquote(parts.path.lstrip("/")) or None, params=params,
                   username=unquote(parts.username) if parts.username else params.get("user"),
                   password=unquote(parts.password) if parts.password else params.get("password"))
