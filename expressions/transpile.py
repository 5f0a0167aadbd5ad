"""Pebble to Jinja2: the few constructs Jinja2 lacks are rewritten on tokens.

    a ? b : c   -> ((b) if (a) else (c))      a ?? b  -> kestra_coalesce(a, b)
    a ??? b     -> kestra_if_undefined(a, b)  a contains b -> kestra_contains(a, b)
    a equals b  -> a == b                     1..3    -> kestra_range(1, 3)
    null        -> none                       {% elseif %} -> {% elif %}
"""
from __future__ import annotations

import re

from .errors import ExpressionError
from .tokens import CLOSE, OPEN, Token, tokenize


def _depths(tokens: list[Token]) -> list[int]:
    depth, out = 0, []
    for tok in tokens:
        if tok.kind == "op" and tok.text in CLOSE:
            depth -= 1
        out.append(depth)
        if tok.kind == "op" and tok.text in OPEN:
            depth += 1
    if depth != 0:
        raise ExpressionError("Unbalanced brackets in expression: " + "".join(t.text for t in tokens).strip())
    return out


def _top(tokens, depths, predicate) -> list[int]:
    return [i for i, tok in enumerate(tokens) if depths[i] == 0 and predicate(tok)]


def _is(tok: Token, *texts) -> bool:
    return tok.kind in ("op", "name") and tok.text in texts


def _strip(tokens):
    while tokens and tokens[0].kind == "ws":
        tokens = tokens[1:]
    while tokens and tokens[-1].kind == "ws":
        tokens = tokens[:-1]
    return tokens


def expression(tokens: list[Token]) -> str:
    tokens = _strip(tokens)
    if not tokens:
        return ""
    depths = _depths(tokens)
    # ternary, right-associative and lowest
    questions = _top(tokens, depths, lambda t: _is(t, "?"))
    if questions:
        q = questions[0]
        nesting = 0
        for i in range(q + 1, len(tokens)):
            if depths[i] == 0 and _is(tokens[i], "?"):
                nesting += 1
            elif depths[i] == 0 and _is(tokens[i], ":"):
                if nesting == 0:
                    cond, then, other = tokens[:q], tokens[q + 1:i], tokens[i + 1:]
                    return f"(({expression(then)}) if ({expression(cond)}) else ({expression(other)}))"
                nesting -= 1
        raise ExpressionError("Ternary operator '?' without ':' in " + "".join(t.text for t in tokens))
    for ops, joiner in ((("??", "???"), None), (("or",), " or "), (("and",), " and ")):
        cuts = _top(tokens, depths, lambda t, ops=ops: _is(t, *ops))
        if cuts:
            parts, start = [], 0
            for cut in cuts:
                parts.append((tokens[start:cut], tokens[cut].text))
                start = cut + 1
            parts.append((tokens[start:], None))
            if joiner:
                return joiner.join(expression(p) for p, _ in parts)
            result = expression(parts[0][0])
            for (part, _), (_, op) in zip(parts[1:], parts[:-1]):
                fn = "kestra_coalesce" if op == "??" else "kestra_if_undefined"
                result = f"{fn}({result}, ({expression(part)}))"
            return result
    if _is(tokens[0], "not"):
        return "not " + expression(tokens[1:])
    for op, fn in (("contains", "kestra_contains"), ("..", "kestra_range")):
        cuts = _top(tokens, depths, lambda t, op=op: _is(t, op))
        if cuts:
            c = cuts[0]
            return f"{fn}(({expression(tokens[:c])}), ({expression(tokens[c + 1:])}))"
    return _plain(tokens, depths)


def _split(tokens, sep):
    depths = _depths(tokens)
    parts, start = [], 0
    for i in _top(tokens, depths, lambda t: _is(t, sep)):
        parts.append(tokens[start:i])
        start = i + 1
    parts.append(tokens[start:])
    return parts


def _group(open_tok: str, inner: list[Token]) -> str:
    """Inside brackets: each comma-separated item is an expression of its own."""
    if not _strip(inner):
        return ""
    items = []
    for item in _split(inner, ","):
        item = _strip(item)
        if open_tok == "{":
            key_value = _split(item, ":")
            if len(key_value) == 2:
                items.append(f"{expression(key_value[0])}: {expression(key_value[1])}")
                continue
        if open_tok == "[" and len(_split(item, ":")) > 1:  # a slice: leave as written
            items.append("".join(t.text for t in item))
            continue
        if open_tok == "(" and len(item) > 2 and item[0].kind == "name" and _is(item[1], "=") \
                and not _is(item[2], "="):
            items.append(f"{item[0].text}={expression(item[2:])}")
            continue
        items.append(expression(item))
    return ", ".join(items)


def _plain(tokens, depths) -> str:
    out, i = [], 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "op" and tok.text in OPEN:
            depth, j = depths[i], i + 1
            while not (depths[j] == depth and tokens[j].kind == "op" and tokens[j].text in CLOSE):
                j += 1
            out.append(tok.text + _group(tok.text, tokens[i + 1:j]) + tokens[j].text)
            i = j + 1
            continue
        previous = next((t for t in reversed(tokens[:i]) if t.kind != "ws"), None)
        after_dot = previous is not None and _is(previous, ".")
        if tok.kind == "name" and tok.text == "null" and not after_dot:
            out.append("none")
        elif tok.kind == "name" and tok.text == "equals" and not after_dot:
            out.append("==")
        else:
            out.append(tok.text)
        i += 1
    return "".join(out)


def transpile_expression(source: str) -> str:
    return expression(tokenize(source))


_TAG = re.compile(r"({{-?|{%-?|{#)(.*?)(-?}}|-?%}|#})", re.DOTALL)
_RAW = re.compile(r"{%-?\s*raw\s*-?%}.*?{%-?\s*endraw\s*-?%}", re.DOTALL)
_STATEMENT = re.compile(r"^(\s*)(\w+)(.*?)(\s*)$", re.DOTALL)


def _statement(body: str) -> str:
    match = _STATEMENT.match(body)
    if not match:
        return body
    lead, name, rest, trail = match.groups()
    if name == "elseif":
        name = "elif"
    if name in ("if", "elif"):
        rest = " " + transpile_expression(rest)
    elif name == "for":
        target, sep, iterable = rest.partition(" in ")
        if sep:
            rest = f"{target} in {transpile_expression(iterable)}"
    elif name == "set":
        target, sep, value = rest.partition("=")
        if sep:
            rest = f"{target}= {transpile_expression(value)}"
    return f"{lead}{name}{rest}{trail}"


def transpile(template: str) -> str:
    """A whole Pebble template to Jinja2 ({% raw %} blocks untouched)."""
    out, pos = [], 0
    for raw in _RAW.finditer(template):
        out.append(_transpile_tags(template[pos:raw.start()]))
        out.append(raw.group())
        pos = raw.end()
    out.append(_transpile_tags(template[pos:]))
    return "".join(out)


def _transpile_tags(text: str) -> str:
    def replace(match):
        opening, body, closing = match.groups()
        if opening.startswith("{#"):
            return match.group()
        if opening.startswith("{{"):
            return f"{opening} {transpile_expression(body)} {closing}"
        return f"{opening}{_statement(body)}{closing}"

    return _TAG.sub(replace, text)
