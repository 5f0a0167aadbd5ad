"""Text to numbers as Apache commons-lang's NumberUtils does it, which Kestra's
`number` filter (io.kestra.core.runners.pebble.filters.NumberFilter) calls: each
result keeps the Java type Kestra would have, so `className` answers as it does.

- create_number: hex (`0x1F`, `#1F`) by its digit count, `L`/`F`/`D` suffixes, whole
  numbers as the smallest of Integer, Long, BigInteger; decimals as Float when Float
  prints them as Double does, else Double when it holds the value exactly, else
  BigDecimal.
- Integer.decode and Long.decode: a leading `0` means octal, `0x`/`#` hex.
Nothing is trimmed: Java refuses " 12" here too."""
from __future__ import annotations

import math
import re
import struct
from decimal import Decimal

from .types import JavaBigInteger, JavaFloat, JavaLong

_INT_RANGE = (-2**31, 2**31 - 1)
_LONG_RANGE = (-2**63, 2**63 - 1)
# java.math.BigDecimal(String)
_BIG_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# Double.valueOf / Float.valueOf (FloatingDecimal.readJavaFormatString), after trimming
_JAVA_FLOAT = re.compile(r"[+-]?(?:NaN|Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?"
                         r"|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+[fFdD]?)")


class NotANumber(ValueError):
    """Java's NumberFormatException."""


def create_number(text: str):
    """NumberUtils.createNumber."""
    if not text.strip():
        raise NotANumber("A blank string is not a valid number")
    hex_start = _hex_start(text)
    if hex_start:
        return _hex_number(text, hex_start)
    length, last = len(text), text[-1]
    dec_pos = text.find(".")
    exp_pos = text.find("e") + text.find("E") + 1  # as Java computes it: one of the two, or -1
    request_type = not _is_digit(last) and last != "."
    if dec_pos > -1:
        if exp_pos > -1:
            if exp_pos < dec_pos or exp_pos > length:
                raise NotANumber(f"{text} is not a valid number.")
            dec = text[dec_pos + 1:exp_pos]
        else:
            dec = text[dec_pos + 1:length - 1 if request_type else length]
        mant = _mantissa(text, dec_pos)
    else:
        if exp_pos > length:
            raise NotANumber(f"{text} is not a valid number.")
        mant = _mantissa(text, exp_pos if exp_pos > -1 else (length - 1 if request_type else length))
        dec = None
    if request_type:
        return _typed_by_suffix(text, mant, dec, exp_pos)
    exp = text[exp_pos + 1:] if -1 < exp_pos < length - 1 else None
    if dec is None and exp is None:
        for create in (create_integer, create_long):
            try:
                return create(text)
            except NotANumber:
                pass
        return create_big_integer(text)
    return _decimal(text, mant, dec)


def _typed_by_suffix(text: str, mant: str, dec: str | None, exp_pos: int):
    """`12L`, `1.5F`, `1.5D`: the type asked for, or a wider one when it cannot hold it."""
    last, numeric = text[-1], text[:-1]
    exp = text[exp_pos + 1:-1] if -1 < exp_pos < len(text) - 1 else None
    if last in "lL":
        if dec is None and exp is None and (_is_digits(numeric[1:]) if numeric[:1] == "-" else _is_digits(numeric)):
            try:
                return create_long(numeric)
            except NotANumber:
                return create_big_integer(numeric)
    elif last in "fFdD":
        if last in "fF":
            try:
                value = create_float(text)
                if not (math.isinf(value) or (value == 0 and not _is_zero(mant, dec))):
                    return value
            except NotANumber:
                pass
        try:
            value = create_double(text)
            if not (math.isinf(value) or (value == 0 and not _is_zero(mant, dec))):
                return value
        except NotANumber:
            pass
        try:
            return create_big_decimal(numeric)
        except NotANumber:
            pass
    raise NotANumber(f"{text} is not a valid number.")


def _decimal(text: str, mant: str, dec: str | None):
    try:
        as_float, as_double = create_float(text), create_double(text)
        if (not math.isinf(as_float) and not (as_float == 0 and not _is_zero(mant, dec))
                and _float_digits(as_float) == _double_digits(as_double)):
            return JavaFloat(as_double)
        if not math.isinf(as_double) and not (as_double == 0 and not _is_zero(mant, dec)):
            exact = create_big_decimal(text)
            return as_double if exact == _double_digits(as_double) else exact
    except NotANumber:
        pass
    return create_big_decimal(text)


def create_integer(text: str) -> int:
    """Integer.decode."""
    return _decode(text, _INT_RANGE)


def create_long(text: str) -> JavaLong:
    """Long.decode."""
    return JavaLong(_decode(text, _LONG_RANGE))


def create_big_integer(text: str) -> JavaBigInteger:
    """NumberUtils.createBigInteger: a sign, then hex (`0x`, `#`), octal (a leading 0) or decimal."""
    if not text:
        raise NotANumber("An empty string is not a valid number")
    negative, digits = text[0] == "-", text[1:] if text[0] in "+-" else text
    radix = 10
    if digits[:2] in ("0x", "0X"):
        radix, digits = 16, digits[2:]
    elif digits[:1] == "#":
        radix, digits = 16, digits[1:]
    elif digits[:1] == "0" and len(digits) > 1:
        radix, digits = 8, digits[1:]
    value = _parse_digits(text, digits, radix, allow_sign=True)
    return JavaBigInteger(-value if negative else value)


def create_float(text: str) -> JavaFloat:
    """Float.valueOf: the nearest float, held as the double of the digits Float.toString
    prints, so that it prints as Java prints the Float."""
    double = create_double(text)
    if not math.isfinite(double):
        return JavaFloat(double)
    try:
        single = struct.unpack(">f", struct.pack(">f", double))[0]
    except OverflowError:  # rounds past Float.MAX_VALUE
        return JavaFloat(math.copysign(math.inf, double))
    return JavaFloat(float(_float_digits(single)))


def create_double(text: str) -> float:
    """Double.valueOf: Java's literal syntax (with an optional f/d suffix, hex floats,
    NaN, Infinity), leading and trailing blanks ignored."""
    trimmed = text.strip(" \t\n\r\x0b\x0c\x00")
    if not _JAVA_FLOAT.fullmatch(trimmed):
        raise NotANumber(f'For input string: "{text}"')
    body = trimmed[:-1] if trimmed[-1] in "fFdD" and "Infinity" not in trimmed else trimmed
    if "x" in body.lower():
        return float.fromhex(body)
    return float(body.replace("Infinity", "inf").replace("NaN", "nan"))


def create_big_decimal(text: str) -> Decimal:
    """new BigDecimal(text)."""
    if not _BIG_DECIMAL.fullmatch(text):
        raise NotANumber(f"{text} is not a valid number.")
    return Decimal(text)


def _decode(text: str, bounds: tuple[int, int]) -> int:
    if not text:
        raise NotANumber("Zero length string")
    negative, rest = text[0] == "-", text[1:] if text[0] in "+-" else text
    radix = 10
    if rest[:2] in ("0x", "0X"):
        radix, rest = 16, rest[2:]
    elif rest[:1] == "#":
        radix, rest = 16, rest[1:]
    elif rest[:1] == "0" and len(rest) > 1:
        radix, rest = 8, rest[1:]
    value = _parse_digits(text, rest, radix, allow_sign=False)
    value = -value if negative else value
    if not bounds[0] <= value <= bounds[1]:
        raise NotANumber(f'For input string: "{text}"')
    return value


def _parse_digits(text: str, digits: str, radix: int, allow_sign: bool) -> int:
    pattern = r"[+-]?" if allow_sign else ""
    alphabet = "0-9a-fA-F" if radix == 16 else ("0-7" if radix == 8 else "0-9")
    if not re.fullmatch(f"{pattern}[{alphabet}]+", digits):
        raise NotANumber(f'For input string: "{text}"' + (" Sign character in wrong position"
                                                           if digits[:1] in "+-" and digits else ""))
    return int(digits, radix)


def _hex_start(text: str) -> int:
    offset = 1 if text[0] in "+-" else 0
    for prefix in ("0x", "0X", "#"):
        if text.startswith(prefix, offset):
            return len(prefix) + offset
    return 0


def _hex_number(text: str, start: int):
    """By its significant digits: Integer up to 8, Long up to 16, BigInteger beyond."""
    first = "\0"
    while start < len(text):
        first = text[start]
        if first != "0":
            break
        start += 1
    digits = len(text) - start
    if digits > 16 or (digits == 16 and first > "7"):
        return create_big_integer(text)
    if digits > 8 or (digits == 8 and first > "7"):
        return create_long(text)
    return create_integer(text)


def _mantissa(text: str, stop: int) -> str:
    return text[1:stop] if text[0] in "+-" else text[:stop]


def _is_zero(mant: str, dec: str | None) -> bool:
    return all(c == "0" for c in mant) and all(c == "0" for c in dec or "")


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _is_digits(text: str) -> bool:
    return bool(text) and all(_is_digit(c) for c in text)


def _float_digits(value: float) -> Decimal:
    """The decimal Float.toString prints: the shortest that reads back as this float."""
    for precision in range(1, 10):
        text = f"{value:.{precision - 1}e}"
        if struct.unpack(">f", struct.pack(">f", float(text)))[0] == value:
            return Decimal(text)
    return Decimal(repr(value))


def _double_digits(value: float) -> Decimal:
    """The decimal Double.toString prints (Java 19+: the shortest, as Python's repr)."""
    return Decimal(repr(value))
