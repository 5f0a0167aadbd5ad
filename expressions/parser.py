"""Pebble's expression parser: precedence climbing with Pebble's own table, so that
`a ~ b | upper` filters the concatenation and `x ?? 'a' == 'a'` compares the fallback,
as they do in Kestra. The ternary is lowest and right-associative."""
from __future__ import annotations

from . import nodes as n
from .errors import ExpressionError
from .lexer import Token

# Pebble's CoreExtension precedences, plus Kestra's ?? and ??? (120) and isIn/notIn.
BINARY = {
    "or": 10, "and": 15,
    "is": 20, "is not": 20, "contains": 20, "isIn": 20, "notIn": 20,
    "==": 30, "equals": 30, "!=": 30, "<": 30, ">": 30, "<=": 30, ">=": 30,
    "+": 40, "-": 40, "*": 60, "/": 60, "%": 60,
    "|": 100, "~": 110, "..": 120, "??": 120, "???": 120,
}
UNARY = {"not": 500, "+": 500, "-": 500}
CONSTANTS = {"true": True, "TRUE": True, "false": False, "FALSE": False,
             "null": None, "NULL": None, "none": None, "NONE": None}


class Parser:
    def __init__(self, tokens: list[Token], source: str = ""):
        self.tokens, self.pos, self.source = tokens, 0, source

    # --- token stream -------------------------------------------------------------
    @property
    def current(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def peek(self, offset: int = 1) -> Token | None:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def at(self, kind: str, value=None) -> bool:
        token = self.current
        return token is not None and token.kind == kind and (value is None or token.value == value)

    def advance(self) -> Token:
        token = self.current
        self.pos += 1
        return token

    def expect(self, kind: str, value=None) -> Token:
        if not self.at(kind, value):
            self.fail(f"expected {value or kind}")
        return self.advance()

    def fail(self, problem: str):
        token = self.current
        last = self.tokens[-1] if self.tokens else None
        where = (f"'{_text(token)}' at line {token.line}" if token
                 else f"the end of the expression at line {last.line if last else 1}")
        raise ExpressionError(f"Invalid expression: {problem}, found {where}"
                              + (f" in `{self.source.strip()}`" if self.source else ""))

    def done(self) -> bool:
        return self.pos >= len(self.tokens)

    # --- grammar --------------------------------------------------------------------
    def parse(self) -> n.Node:
        node = self.expression()
        if not self.done():
            self.fail("unexpected token")
        return node

    def expression(self, min_precedence: int = 0) -> n.Node:
        token = self.current
        if token is None:
            self.fail("expected an expression")
        if token.kind == "op" and token.value in UNARY:
            self.advance()
            node = n.Unary(token.value, self.expression(UNARY[token.value]))
        elif self.at("punct", "("):
            self.advance()
            inner = self.expression()
            self.expect("punct", ")")
            node = self.postfix(inner)
        elif self.at("punct", "["):
            node = self.postfix(self.list_literal())
        elif self.at("punct", "{"):
            node = self.postfix(self.map_literal())
        else:
            node = self.primary()
        while self.at("op") and self.current.value in BINARY and BINARY[self.current.value] >= min_precedence:
            op = self.advance().value
            if op == "|":
                name = self.name_token().value
                node = n.Filter(node, name, self.arguments() if self.at("punct", "(") else n.Args())
            elif op in ("is", "is not"):
                name = self.name_token().value
                node = n.Test(node, name, self.arguments() if self.at("punct", "(") else n.Args(), op == "is not")
            else:
                node = n.Binary(op, node, self.expression(BINARY[op] + 1))
        if min_precedence == 0 and self.at("punct", "?"):
            self.advance()
            then = self.expression()
            self.expect("punct", ":")
            node = n.Ternary(node, then, self.expression())
        return node

    def name_token(self) -> Token:
        """A name; after `.`, `|` or `is` word operators are names too (`outputs.is`)."""
        token = self.current
        if token is not None and (token.kind == "name" or (token.kind == "op" and token.value.isalpha())):
            return self.advance()
        self.fail("expected a name")

    def primary(self) -> n.Node:
        token = self.advance()
        if token.kind == "name":
            if token.value in CONSTANTS:
                node = n.Literal(CONSTANTS[token.value])
            elif self.at("punct", "("):
                node = n.Call(token.value, self.arguments())
            else:
                node = n.Name(token.value)
        elif token.kind == "long":
            node = n.Literal(int(token.value))
        elif token.kind == "number":
            node = n.Literal(float(token.value) if "." in token.value else int(token.value))
        elif token.kind == "string":
            node = self.string(token)
        else:
            self.pos -= 1
            self.fail("unexpected token")
        return self.postfix(node)

    def string(self, token: Token) -> n.Node:
        parts = []
        for part in token.value:
            if isinstance(part, str):
                if part:
                    parts.append(n.Literal(part))
            else:
                parts.append(Parser(part, self.source).parse())
        if len(parts) == 1 and isinstance(parts[0], n.Literal):
            return parts[0]
        return n.Interpolation(parts) if parts else n.Literal("")

    def postfix(self, node: n.Node) -> n.Node:
        while True:
            if self.at("punct", "."):
                self.advance()
                name = self.name_token().value
                if self.at("punct", "("):
                    args = self.arguments()
                    if args.named:
                        self.fail("named arguments can not be used when calling a method")
                    node = n.MethodCall(node, name, args)
                else:
                    node = n.Attr(node, name)
            elif self.at("punct", "["):
                self.advance()
                key = self.expression()
                self.expect("punct", "]")
                node = n.Item(node, key)
            else:
                return node

    def arguments(self) -> n.Args:
        args = n.Args()
        self.expect("punct", "(")
        while not self.at("punct", ")"):
            if args.positional or args.named:
                self.expect("punct", ",")
            following = self.peek()
            if self.at("name") and following is not None and following.kind == "punct" and following.value == "=":
                name = self.advance().value
                self.advance()
                args.named.append((name, self.expression()))
            else:
                if args.named:
                    self.fail("positional arguments must come before named arguments")
                args.positional.append(self.expression())
        self.expect("punct", ")")
        return args

    def list_literal(self) -> n.Node:
        self.expect("punct", "[")
        items = []
        while not self.at("punct", "]"):
            if items:
                self.expect("punct", ",")
            items.append(self.expression())
        self.expect("punct", "]")
        return n.ListLiteral(items)

    def map_literal(self) -> n.Node:
        self.expect("punct", "{")
        items = []
        while not self.at("punct", "}"):
            if items:
                self.expect("punct", ",")
            key = self.expression()
            self.expect("punct", ":")
            items.append((key, self.expression()))
        self.expect("punct", "}")
        return n.MapLiteral(items)


def _text(token: Token) -> str:
    if token.kind == "string":
        return "".join(part if isinstance(part, str) else "#{...}" for part in token.value)
    return str(token.value)


def parse_expression(tokens: list[Token], source: str = "") -> n.Node:
    return Parser(tokens, source).parse()
