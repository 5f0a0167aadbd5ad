"""A Pebble template -> a Jinja template. Text, comments and raw blocks pass through;
each `{{ }}` and `{% %}` is parsed as Pebble and written back as Jinja (emit.py).
Line breaks inside tags are kept so Jinja's line numbers are the template's own."""
from __future__ import annotations

from .emit import Emitter, emit, identifier
from .errors import ExpressionError
from .lexer import Segment, Token, split_template
from .parser import Parser

UNSUPPORTED_TAGS = {"block", "extends", "include", "import", "from", "embed", "parallel", "cache", "flush",
                    "autoescape"}


def transpile(template: str) -> str:
    return Transpiler(template).run()


class Transpiler:
    def __init__(self, template: str):
        self.template = template
        self.loops = 0  # open {% for %} tags: inside them loop.index is Pebble's (from 0)
        self.blocks: list[str] = []

    def run(self) -> str:
        out = []
        for segment in split_template(self.template):
            if segment.kind == "text" or segment.kind == "comment":
                out.append(segment.text)
            elif segment.kind == "raw":
                out.append("{% raw %}" + segment.text + "{% endraw %}")
            else:
                body = self.print_body(segment) if segment.kind == "print" else self.tag_body(segment)
                out.append(self.wrap(segment, body))
        if self.blocks:
            raise ExpressionError(f"Unclosed {{% {self.blocks[-1]} %}} in `{self.template.strip()}`")
        return "".join(out)

    def wrap(self, segment: Segment, body: str) -> str:
        opener, closer = ("{{", "}}") if segment.kind == "print" else ("{%", "%}")
        padding = "\n" * max(0, segment.text.count("\n") - body.count("\n"))
        return (opener + ("- " if segment.trim_left else " ") + body + padding
                + (" -" if segment.trim_right else " ") + closer)

    def expression(self, tokens: list[Token]) -> str:
        if not tokens:
            raise ExpressionError(f"Empty expression in `{self.template.strip()}`")
        return emit(Parser(tokens, self.template).parse(), self.loops > 0)

    def print_body(self, segment: Segment) -> str:
        return self.expression(segment.tokens)

    def tag_body(self, segment: Segment) -> str:
        tokens = segment.tokens
        if not tokens or tokens[0].kind not in ("name", "op"):
            raise ExpressionError(f"Invalid tag `{segment.text}` at line {segment.line}")
        tag, rest = tokens[0].value, tokens[1:]
        handler = getattr(self, f"tag_{tag}", None)
        if handler is None:
            problem = "Unsupported" if tag in UNSUPPORTED_TAGS else "Unknown"
            raise ExpressionError(f"{problem} tag '{tag}' at line {segment.line} in `{self.template.strip()}`")
        return handler(rest, segment)

    # --- tags ---------------------------------------------------------------------------
    def open(self, tag: str):
        self.blocks.append(tag)

    def close(self, tag: str, segment: Segment):
        if not self.blocks or self.blocks[-1] != tag:
            raise ExpressionError(f"Unexpected {{% end{tag} %}} at line {segment.line}")
        self.blocks.pop()

    def in_block(self, tag: str, name: str, segment: Segment):
        if not self.blocks or self.blocks[-1] != tag:
            raise ExpressionError(f"Unexpected {{% {name} %}} at line {segment.line}")

    def tag_if(self, rest, segment):
        self.open("if")
        return "if " + self.expression(rest)

    def tag_elseif(self, rest, segment):
        self.in_block("if", "elseif", segment)
        return "elif " + self.expression(rest)

    tag_elif = tag_elseif

    def tag_else(self, rest, segment):
        if rest:
            raise ExpressionError(f"Unexpected tokens after {{% else %}} at line {segment.line}")
        if not self.blocks or self.blocks[-1] not in ("if", "for"):
            raise ExpressionError(f"Unexpected {{% else %}} at line {segment.line}")
        return "else"

    def tag_endif(self, rest, segment):
        self.close("if", segment)
        return "endif"

    def tag_for(self, rest, segment):
        if len(rest) < 3 or rest[0].kind != "name" or rest[1].kind != "name" or rest[1].value != "in":
            raise ExpressionError(f"Invalid for tag `{segment.text}` at line {segment.line}: "
                                  "expected {% for item in items %}")
        iterable = self.expression(rest[2:])
        self.open("for")
        self.loops += 1
        return f"for {identifier(rest[0].value)} in _kestra_iter({iterable})"

    def tag_endfor(self, rest, segment):
        self.close("for", segment)
        self.loops -= 1
        return "endfor"

    def tag_set(self, rest, segment):
        if len(rest) < 3 or rest[0].kind != "name" or not (rest[1].kind == "punct" and rest[1].value == "="):
            raise ExpressionError(f"Invalid set tag `{segment.text}` at line {segment.line}: "
                                  "expected {% set name = value %}")
        return f"set {identifier(rest[0].value)} = {self.expression(rest[2:])}"

    def tag_filter(self, rest, segment):
        # `{% filter upper | title %}`: a chain of filters applied to the block's output
        parser = Parser(rest, self.template)
        chain = []
        while True:
            name = parser.name_token().value
            args = parser.arguments() if parser.at("punct", "(") else None
            if args is None:
                chain.append(identifier(name))
            else:
                chain.append(f"{identifier(name)}({Emitter(self.loops > 0).arguments(args)})")
            if parser.done():
                break
            parser.expect("op", "|")
        self.open("filter")
        return "filter " + "|".join(chain)

    def tag_endfilter(self, rest, segment):
        self.close("filter", segment)
        return "endfilter"

    def tag_macro(self, rest, segment):
        parser = Parser(rest, self.template)
        name = identifier(parser.expect("name").value)
        parser.expect("punct", "(")
        params = []
        while not parser.at("punct", ")"):
            if params:
                parser.expect("punct", ",")
            param = identifier(parser.expect("name").value)
            if parser.at("punct", "="):
                parser.advance()
                param += "=" + emit(parser.expression())
            params.append(param)
        parser.expect("punct", ")")
        self.open("macro")
        return f"macro {name}({', '.join(params)})"

    def tag_endmacro(self, rest, segment):
        self.close("macro", segment)
        return "endmacro"
