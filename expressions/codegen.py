"""Compiling the `_kestra_*` calls the emitter writes into direct calls of the
operator functions (`environment.kestra_add(a, b)`), without a variable lookup or a
sandbox check per call. The calls whose operands must not be evaluated eagerly (`??`,
`???`, `default`, `is defined`) get those operands as lambdas, which is how a missing
variable on their left can fall back instead of failing."""
from __future__ import annotations

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.visitor import NodeTransformer

PREFIX = "_kestra_"
# helper -> indexes of the arguments evaluated lazily
LAZY = {"coalesce": (0, 1), "if_undefined": (0, 1), "default": (0,), "defined": (0,)}
# helpers that receive the template context first
WITH_CONTEXT = {"context", "variable"}


class HelperCalls(NodeTransformer):
    """Jinja tree: `_kestra_x(...)` -> a call of the environment attribute `kestra_x`
    (Jinja allows no custom node types; EnvironmentAttribute marks ours)."""

    def visit_Call(self, node: nodes.Call):
        node = self.generic_visit(node)
        if isinstance(node.node, nodes.Name) and node.node.name.startswith(PREFIX):
            name = "kestra_" + node.node.name[len(PREFIX):]
            node.node = nodes.EnvironmentAttribute(name, lineno=node.lineno, environment=node.environment)
        return node


class KestraCodeGenerator(CodeGenerator):
    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False) -> None:
        target = node.node
        if not (isinstance(target, nodes.EnvironmentAttribute) and target.name.startswith("kestra_")):
            return super().visit_Call(node, frame, forward_caller=forward_caller)
        helper = target.name[len("kestra_"):]
        lazy = LAZY.get(helper, ())
        self.write(f"environment.{target.name}(")
        if helper in WITH_CONTEXT:
            self.write("context" + (", " if node.args else ""))
        for index, arg in enumerate(node.args):
            if index:
                self.write(", ")
            if index in lazy:
                self.write("lambda: ")
            self.visit(arg, frame)
        self.write(")")
