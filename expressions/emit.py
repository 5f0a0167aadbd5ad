"""Pebble tree -> Jinja expression source. Every operator becomes a fully parenthesised
Jinja construct or a call to a `_kestra_*` helper (see codegen.py), so Jinja's own
precedences and Python's operator semantics never apply to a Pebble expression."""
from __future__ import annotations

import keyword

from . import nodes as n
from .errors import ExpressionError

# Names Jinja's parser reads as operators or constants: such variables are looked up by name.
JINJA_RESERVED = {"and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "True", "False", "None"}
BINARY_HELPERS = {
    "+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod",
    "==": "eq", "equals": "eq", "!=": "ne", "<": "lt", ">": "gt", "<=": "le", ">=": "ge",
    "~": "concat", "contains": "contains", "isIn": "is_in", "notIn": "not_in", "..": "range",
    "??": "coalesce", "???": "if_undefined",
}
# Pebble's loop.index and loop.revindex count from 0, Jinja's from 1.
LOOP_ATTRIBUTES = {"index": "index0", "revindex": "revindex0"}


def string(value: str) -> str:
    """A Jinja string literal holding exactly `value` (Jinja unescapes like Python)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") + "'"


def identifier(name: str, kind: str = "Name") -> str:
    """A name usable as is in Jinja source (a loop or set variable, a filter, a test)."""
    if name in JINJA_RESERVED or not name.isidentifier():
        raise ExpressionError(f"{kind} [{name}] does not exist" if kind != "Name"
                              else f"'{name}' can not be used as a variable name here")
    return name


class Emitter:
    def __init__(self, in_loop: bool = False):
        self.in_loop = in_loop

    def __call__(self, node: n.Node) -> str:
        return getattr(self, type(node).__name__)(node)

    def helper(self, name: str, *args: str) -> str:
        return f"_kestra_{name}({', '.join(args)})"

    def arguments(self, args: n.Args) -> str:
        parts = [self(arg) for arg in args.positional]
        parts += [f"{name}={self(value)}" for name, value in args.named]
        return ", ".join(parts)

    # --- leaves ---------------------------------------------------------------------
    def Literal(self, node: n.Literal) -> str:
        value = node.value
        if value is None:
            return "none"
        if value is True or value is False:
            return "true" if value else "false"
        if isinstance(value, str):
            return string(value)
        return repr(value)

    def Interpolation(self, node: n.Interpolation) -> str:
        return self.helper("concat", *(self(part) for part in node.parts))

    def Name(self, node: n.Name) -> str:
        if node.name == "_context":
            return self.helper("context")
        if node.name in JINJA_RESERVED or not node.name.isidentifier():
            return self.helper("variable", string(node.name))
        return node.name

    # --- access -----------------------------------------------------------------------
    def Attr(self, node: n.Attr) -> str:
        if self.in_loop and isinstance(node.obj, n.Name) and node.obj.name == "loop" and node.name in LOOP_ATTRIBUTES:
            return f"loop.{LOOP_ATTRIBUTES[node.name]}"
        obj = self(node.obj)
        if node.name.isidentifier() and not keyword.iskeyword(node.name):
            return f"{obj}.{node.name}"
        return f"{obj}[{string(node.name)}]"

    def Item(self, node: n.Item) -> str:
        return f"{self(node.obj)}[{self(node.key)}]"

    def Call(self, node: n.Call) -> str:
        if node.name in JINJA_RESERVED or not node.name.isidentifier():
            return f"{self.helper('variable', string(node.name))}({self.arguments(node.args)})"
        return f"{node.name}({self.arguments(node.args)})"

    def MethodCall(self, node: n.MethodCall) -> str:
        return self.helper("method", self(node.obj), string(node.name), *(self(a) for a in node.args.positional))

    def Filter(self, node: n.Filter) -> str:
        if node.name == "default":
            return self.helper("default", self(node.obj), *(self(a) for a in node.args.positional),
                               *(self(v) for _, v in node.args.named))
        args = self.arguments(node.args)
        return f"(({self(node.obj)})|{identifier(node.name, 'Filter')}({args}))"

    def Test(self, node: n.Test) -> str:
        if node.name == "defined":
            test = self.helper("defined", self(node.obj))
            return f"(not {test})" if node.negated else test
        args = f"({self.arguments(node.args)})" if node.args.positional or node.args.named else ""
        return f"(({self(node.obj)}) is {'not ' if node.negated else ''}{identifier(node.name, 'Test')}{args})"

    # --- operators ------------------------------------------------------------------
    def Unary(self, node: n.Unary) -> str:
        operand = self(node.operand)
        if node.op == "not":
            return f"(not ({operand}))"
        return self.helper("neg" if node.op == "-" else "pos", operand)

    def Binary(self, node: n.Binary) -> str:
        left, right = self(node.left), self(node.right)
        if node.op in ("and", "or"):
            return f"(true if (({left}) {node.op} ({right})) else false)"
        return self.helper(BINARY_HELPERS[node.op], left, right)

    def Ternary(self, node: n.Ternary) -> str:
        return f"(({self(node.then)}) if ({self(node.condition)}) else ({self(node.otherwise)}))"

    def ListLiteral(self, node: n.ListLiteral) -> str:
        return "[" + ", ".join(self(item) for item in node.items) + "]"

    def MapLiteral(self, node: n.MapLiteral) -> str:
        return "{" + ", ".join(f"{self(k)}: {self(v)}" for k, v in node.items) + "}"


def emit(node: n.Node, in_loop: bool = False) -> str:
    return Emitter(in_loop)(node)
