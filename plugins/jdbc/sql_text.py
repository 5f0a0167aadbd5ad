"""Reading SQL text the way a database would, without parsing it: where its statements
end and where `:name` parameters are, never inside a quoted string, a quoted
identifier, a comment or a PostgreSQL dollar-quoted body. Kestra splits on `;` and
finds `:name` with regular expressions; a `';'` or `'10:30'` in a literal broke both."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .errors import JdbcError

# Quoted and commented spans, which are copied as they are.
_SPANS = re.compile(
    r"""'(?:[^']|'')*'?            # a string literal ('' is a quote inside it)
      | "(?:[^"]|"")*"?            # a quoted identifier
      | `[^`]*`?                   # a MySQL quoted identifier
      | --[^\n]*                   # a line comment
      | /\*.*?(?:\*/|\Z)           # a block comment
      | (\$\w*\$).*?(?:\1|\Z)      # a PostgreSQL dollar-quoted body
    """, re.VERBOSE | re.DOTALL)
# `:name`, not `::type` (a PostgreSQL cast) nor `a:b` inside a word.
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def _pieces(sql: str) -> Iterator[tuple[bool, str]]:
    """(is_code, text) in order: code between the quoted and commented spans."""
    position = 0
    for span in _SPANS.finditer(sql):
        if span.start() > position:
            yield True, sql[position:span.start()]
        yield False, span.group(0)
        position = span.end()
    if position < len(sql):
        yield True, sql[position:]


def split_statements(sql: str) -> list[str]:
    """The statements of `sql`, separated by `;` outside quotes and comments, stripped;
    empty ones (a trailing `;`) left out."""
    statements: list[str] = []
    current: list[str] = []
    for is_code, text in _pieces(sql):
        if not is_code:
            current.append(text)
            continue
        parts = text.split(";")
        current.append(parts[0])
        for part in parts[1:]:
            statements.append("".join(current))
            current = [part]
    statements.append("".join(current))
    return [statement.strip() for statement in statements if _has_code(statement)]


def _has_code(statement: str) -> bool:
    """Whether a statement holds more than blanks and comments."""
    return any(text.strip() if is_code else not text.startswith(("--", "/*"))
               for is_code, text in _pieces(statement))


def bind_named(sql: str, parameters: Mapping[str, Any] | None, placeholder: str) -> tuple[str, list[Any]]:
    """`sql` with each `:name` outside quotes replaced by the driver's placeholder, and
    the values in that order (AbstractJdbcBaseQuery#prepareStatement). Without
    parameters the SQL is left exactly as written. A driver whose placeholder is `%s`
    formats the text, so a literal `%` there is doubled."""
    if not parameters:
        return sql, []
    values: list[Any] = []
    escape: Callable[[str], str] = (lambda text: text.replace("%", "%%")) if placeholder == "%s" else str

    def bound(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in parameters:
            raise JdbcError(f"the SQL names parameter ':{name}', which `parameters` does not give")
        values.append(parameters[name])
        return placeholder

    out = [_NAMED.sub(bound, escape(text)) if is_code else escape(text) for is_code, text in _pieces(sql)]
    return "".join(out), values
