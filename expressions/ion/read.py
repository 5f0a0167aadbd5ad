"""Ion text to values, as Kestra's ION mapper reads it (ion-java under Jackson with
Kestra's IonParser): structs to dicts, lists and s-expressions to lists, ints to int,
decimals to Decimal (Java's BigDecimal), floats to float, symbols and strings to str,
blobs and clobs to bytes, typed nulls to None.

Timestamps as Kestra's IonParser gives them: without an offset (or UTC) a midnight is a
LocalDate (a `date`) and any other moment an Instant (a UTC datetime); with an offset, a
datetime at that offset. Strings annotated with a java.time class (`ZonedDateTime::"..."`,
as the writer leaves them) are read back as that class; other annotations are ignored."""
from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

_SPACE = re.compile(r"(?:\s|//[^\n]*|/\*.*?\*/)*", re.DOTALL)
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_OPERATOR = re.compile(r"[!#%&*+\-./;<=>?@^`|~]+")
_TIMESTAMP = re.compile(r"(\d{4})(?:T|-(\d{2})(?:T|-(\d{2})(?:T(?:(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
                        r"(Z|[+-]\d{2}:\d{2}))?)?)?)")
_NUMBER = re.compile(r"-?(?:0[xX][0-9a-fA-F](?:_?[0-9a-fA-F])*|0[bB][01](?:_?[01])*"
                     r"|(?:0|[1-9](?:_?[0-9])*)(?:\.(?:[0-9](?:_?[0-9])*)?)?(?:[eEdD][+-]?[0-9]+)?)")
_NULL_TYPES = ("null", "bool", "int", "float", "decimal", "timestamp", "string", "symbol", "blob", "clob",
               "struct", "list", "sexp")
_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", "v": "\v", "?": "?",
                   "0": "\0", "'": "'", '"': '"', "/": "/", "\\": "\\", "\n": ""}
_END_OF_VALUE = set(" \t\n\r\x0b\x0c,]})[({'\"/") | {""}


class IonError(ValueError):
    """Text that is not Ion, with where it goes wrong."""


def read_first(text: str):
    """The first value of an Ion stream (None when there is none)."""
    reader = _Reader(text)
    return reader.value() if reader.more() else None


def read_all(text: str) -> list:
    """Every top-level value of an Ion stream."""
    reader = _Reader(text)
    values = []
    while reader.more():
        values.append(reader.value())
    return values


class _Reader:
    def __init__(self, text: str):
        self.text, self.pos = text, 0

    # --- the stream ---------------------------------------------------------------
    def more(self) -> bool:
        self.skip()
        while self.text.startswith("$ion_1_0", self.pos) and self._peek_end(self.pos + 8):
            self.pos += 8  # the version marker is no value
            self.skip()
        return self.pos < len(self.text)

    def skip(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()

    def fail(self, message: str):
        line = self.text.count("\n", 0, self.pos) + 1
        column = self.pos - (self.text.rfind("\n", 0, self.pos) + 1) + 1
        raise IonError(f"{message} at line {line}, column {column}")

    # --- values ---------------------------------------------------------------------
    def value(self, in_sexp: bool = False):
        self.skip()
        annotations = []
        while True:
            mark = self.pos
            symbol = self._symbol_token()
            self.skip()
            if symbol is not None and self.text.startswith("::", self.pos):
                annotations.append(symbol)
                self.pos += 2
                self.skip()
                continue
            self.pos = mark
            break
        value = self._bare_value(in_sexp)
        return _annotated(annotations, value, self) if annotations else value

    def _bare_value(self, in_sexp: bool):
        text, pos = self.text, self.pos
        char = text[pos:pos + 1]
        if not char:
            self.fail("Expected a value, found the end")
        if char == "{":
            return self._lob() if text.startswith("{{", pos) else self._struct()
        if char == "[":
            return self._sequence("]", in_sexp=False)
        if char == "(":
            return self._sequence(")", in_sexp=True)
        if char == '"' or text.startswith("'''", pos):
            return self._string()
        if char == "'":
            return self._quoted("'")
        for word, result in (("+inf", float("inf")), ("-inf", float("-inf"))):
            if text.startswith(word, pos) and self._peek_end(pos + len(word)):
                self.pos += len(word)
                return result
        found = _TIMESTAMP.match(text, pos)
        if found and self._peek_end(found.end()):
            self.pos = found.end()
            return _timestamp(found, self)
        found = _NUMBER.match(text, pos)
        if found and self._peek_end(found.end()):
            self.pos = found.end()
            return _number(found.group())
        found = _IDENTIFIER.match(text, pos)
        if found:
            self.pos = found.end()
            return self._keyword_or_symbol(found.group())
        found = _OPERATOR.match(text, pos) if in_sexp else None
        if found:
            self.pos = found.end()
            return found.group()
        self.fail(f"Unexpected character {char!r}")

    def _keyword_or_symbol(self, word: str):
        if word == "null":
            if self.text.startswith(".", self.pos):
                found = _IDENTIFIER.match(self.text, self.pos + 1)
                if not found or found.group() not in _NULL_TYPES:
                    self.fail("Unknown typed null")
                self.pos = found.end()
            return None
        if word in ("true", "false"):
            return word == "true"
        if word == "nan":
            return float("nan")
        return word

    def _struct(self) -> dict:
        self.pos += 1
        result = {}
        while True:
            self.skip()
            if self.text.startswith("}", self.pos):
                self.pos += 1
                return result
            name = self._field_name()
            self.skip()
            if not self.text.startswith(":", self.pos) or self.text.startswith("::", self.pos):
                self.fail("Expected ':' after a field name")
            self.pos += 1
            result[name] = self.value()
            self._separator("}")

    def _field_name(self) -> str:
        char = self.text[self.pos:self.pos + 1]
        if char == '"' or self.text.startswith("'''", self.pos):
            return self._string()
        name = self._symbol_token()
        if name is None:
            self.fail("Expected a field name")
        return name

    def _sequence(self, closing: str, in_sexp: bool) -> list:
        self.pos += 1
        result = []
        while True:
            self.skip()
            if self.text.startswith(closing, self.pos):
                self.pos += 1
                return result
            result.append(self.value(in_sexp))
            if not in_sexp:
                self._separator(closing)

    def _separator(self, closing: str) -> None:
        self.skip()
        if self.text.startswith(",", self.pos):
            self.pos += 1
        elif not self.text.startswith(closing, self.pos):
            self.fail(f"Expected ',' or '{closing}'")

    def _symbol_token(self) -> str | None:
        """An identifier or a 'quoted' symbol at the current position, or None."""
        if self.text.startswith("'", self.pos) and not self.text.startswith("'''", self.pos):
            return self._quoted("'")
        found = _IDENTIFIER.match(self.text, self.pos)
        if found and found.group() not in ("null", "true", "false", "nan"):
            self.pos = found.end()
            return found.group()
        return None

    def _string(self) -> str:
        if self.text.startswith('"', self.pos):
            return self._quoted('"')
        parts = []  # adjacent long strings are one string
        while self.text.startswith("'''", self.pos):
            parts.append(self._quoted("'''"))
            mark = self.pos
            self.skip()
            if not self.text.startswith("'''", self.pos):
                self.pos = mark
        return "".join(parts)

    def _quoted(self, quote: str) -> str:
        self.pos += len(quote)
        out = []
        while True:
            if self.pos >= len(self.text):
                self.fail("Unterminated string")
            if self.text.startswith(quote, self.pos):
                self.pos += len(quote)
                return "".join(out)
            char = self.text[self.pos]
            if char == "\\":
                out.append(self._escape())
                continue
            if char == "\n" and quote != "'''":
                self.fail("A line break inside a quoted string")
            out.append(char)
            self.pos += 1

    def _escape(self) -> str:
        code = self.text[self.pos + 1:self.pos + 2]
        if code in _SIMPLE_ESCAPES:
            self.pos += 2
            return _SIMPLE_ESCAPES[code]
        width = {"x": 2, "u": 4, "U": 8}.get(code)
        digits = self.text[self.pos + 2:self.pos + 2 + width] if width else ""
        if not width or not re.fullmatch(r"[0-9a-fA-F]+", digits) or len(digits) != width:
            self.fail("Bad escape in a string")
        self.pos += 2 + width
        return chr(int(digits, 16))

    def _lob(self) -> bytes:
        self.pos += 2
        self.skip()
        if self.text.startswith('"', self.pos) or self.text.startswith("'''", self.pos):
            try:
                data = self._string().encode("latin-1")
            except UnicodeEncodeError:
                self.fail("A clob holds bytes: no character past \\xff")
        else:
            end = self.text.find("}}", self.pos)
            if end < 0:
                self.fail("Unterminated blob")
            encoded = re.sub(r"\s", "", self.text[self.pos:end])
            try:
                data = base64.b64decode(encoded, validate=True)
            except binascii.Error:
                self.fail("A blob that is not base64")
            self.pos = end
        self.skip()
        if not self.text.startswith("}}", self.pos):
            self.fail("Expected '}}' to end a blob or clob")
        self.pos += 2
        return data

    def _peek_end(self, pos: int) -> bool:
        """Whether a token ending at `pos` ends there (not `2024x`, `12abc`)."""
        return self.text[pos:pos + 1] in _END_OF_VALUE


def _number(token: str):
    digits = token.replace("_", "")
    body = digits.lstrip("-")
    if body[:2].lower() == "0x":
        value = int(body[2:], 16)
    elif body[:2].lower() == "0b":
        value = int(body[2:], 2)
    elif "e" in body.lower():
        return float(digits)
    elif "." in body or "d" in body.lower():
        return Decimal(digits.replace("d", "e").replace("D", "e"))
    else:
        value = int(body)
    return -value if digits.startswith("-") else value


def _timestamp(found: re.Match, reader: _Reader):
    year, month, day, hour, minute, second, fraction, offset = found.groups()
    try:
        moment = datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
                          int(second or 0), int((fraction or "0")[:6].ljust(6, "0")))
    except ValueError as exc:
        reader.fail(f"Bad timestamp: {exc}")
    if offset in (None, "Z", "-00:00", "+00:00"):  # no offset, or UTC
        return moment.date() if moment.time() == time(0) else moment.replace(tzinfo=UTC)
    sign = -1 if offset[0] == "-" else 1
    return moment.replace(tzinfo=timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))))


_JAVA_TIME = {
    "Instant": lambda text: datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC),
    "ZonedDateTime": lambda text: _zoned(text),
    "OffsetDateTime": lambda text: datetime.fromisoformat(text.replace("Z", "+00:00")),
    "LocalDateTime": datetime.fromisoformat,
    "LocalDate": date.fromisoformat,
    "LocalTime": time.fromisoformat,
    "OffsetTime": lambda text: time.fromisoformat(text.replace("Z", "+00:00")),
}


def _zoned(text: str) -> datetime:
    """ZonedDateTime.parse: an ISO offset date-time, maybe with a `[Region/Zone]` after it."""
    stamp, _, region = text.partition("[")
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone(ZoneInfo(region.rstrip("]"))) if region else moment


def _annotated(annotations: list[str], value, reader: _Reader):
    """Kestra's IonParser turns a string annotated with a java.time class into that class."""
    parse = _JAVA_TIME.get(annotations[-1]) if isinstance(value, str) else None
    if parse is None:
        return value
    try:
        return parse(value)
    except (ValueError, KeyError) as exc:
        reader.fail(f"Bad {annotations[-1]} '{value}': {exc}")
