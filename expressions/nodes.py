"""The Pebble expression tree. The parser builds it with Pebble's precedences; the
emitter turns it into Jinja source that keeps exactly that grouping."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class Node:
    __slots__ = ()


@dataclass
class Literal(Node):
    value: Any  # str, int, float, bool or None


@dataclass
class Interpolation(Node):
    """A double-quoted string with `#{...}` parts: concatenated at render time."""
    parts: list[Node]


@dataclass
class Name(Node):
    name: str


@dataclass
class Attr(Node):
    obj: Node
    name: str


@dataclass
class Item(Node):
    obj: Node
    key: Node


@dataclass
class Args:
    positional: list[Node] = field(default_factory=list)
    named: list[tuple[str, Node]] = field(default_factory=list)


@dataclass
class Call(Node):
    name: str
    args: Args


@dataclass
class MethodCall(Node):
    obj: Node
    name: str
    args: Args


@dataclass
class Filter(Node):
    obj: Node
    name: str
    args: Args


@dataclass
class Test(Node):
    obj: Node
    name: str
    args: Args
    negated: bool


@dataclass
class Unary(Node):
    op: str
    operand: Node


@dataclass
class Binary(Node):
    op: str
    left: Node
    right: Node


@dataclass
class Ternary(Node):
    condition: Node
    then: Node
    otherwise: Node


@dataclass
class ListLiteral(Node):
    items: list[Node]


@dataclass
class MapLiteral(Node):
    items: list[tuple[Node, Node]]
