"""A flow's YAML is bounded before it is built, as Kestra's reader bounds it: SnakeYAML's
LoaderOptions (maxAliasesForCollections 50, nestingDepthLimit 50, codePointLimit 3 MB),
which Kestra's YamlParser (Jackson YAML) reads flows with."""
import pytest

from flows.spec import FlowInvalid
from flows.spec.yaml_lines import load

from .helpers import flow, only_error

TASKS = "tasks:\n  - id: t\n    type: test.spec.Echo\n    format: x\n"


def bomb(levels: int, width: int) -> str:
    """Billion laughs: each level lists the previous one `width` times."""
    lines = ["id: bomb", "namespace: company.team", "variables:", "  l0: &l0 [" + ", ".join(['"x"'] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"  l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n" + TASKS


def test_it_refuses_a_tiny_alias_bomb_before_expanding_it():
    source = bomb(levels=8, width=9)  # 9**9 values from about 600 bytes
    assert len(source) < 700
    error = only_error(source)
    assert "more values than the limit of 200000 (setting KESTRAWEB_YAML_MAX_VALUES)" in error.message
    assert error.line is not None


def test_it_refuses_more_than_50_aliases_to_lists_or_maps():
    lines = ["id: aliases", "namespace: company.team", "variables:", "  base: &base [1, 2]"]
    lines += [f"  copy{i}: *base" for i in range(51)]
    error = only_error("\n".join(lines) + "\n" + TASKS)
    assert error.message == "more aliases to lists or maps than the limit of 50 (setting KESTRAWEB_YAML_MAX_ALIASES)"
    assert error.line == 4 + 51


def test_it_accepts_50_aliases_and_any_number_of_scalar_aliases():
    lines = ["id: aliases", "namespace: company.team", "variables:", "  base: &base [1, 2]", "  one: &one 1"]
    lines += [f"  copy{i}: *base" for i in range(50)] + [f"  n{i}: *one" for i in range(100)]
    spec = load("\n".join(lines) + "\n" + TASKS)
    assert spec["variables"]["copy49"] == [1, 2] and spec["variables"]["n99"] == 1


def test_it_refuses_nesting_deeper_than_50_with_its_line():
    source = flow("""
        id: deep
        namespace: company.team
        variables:
          x: """) + "[" * 300 + "]" * 300 + "\n" + TASKS
    error = only_error(source)
    assert error.message == "lists and maps nested deeper than the limit of 50 (setting KESTRAWEB_MAX_NESTING_DEPTH)"
    assert error.line == 4


def test_it_refuses_deeply_nested_tasks_with_a_clear_error():
    """Flowables inside flowables, 200 deep: a limit, not Python's recursion error."""
    task = "{id: leaf, type: test.spec.Echo, format: x}"
    for level in range(200):
        task = f"{{id: s{level}, type: io.kestra.plugin.core.flow.Sequential, tasks: [{task}]}}"
    with pytest.raises(FlowInvalid, match="nested deeper than the limit of 50"):
        load(f"id: deep\nnamespace: company.team\ntasks: [{task}]\n")


def test_it_refuses_a_flow_longer_than_the_size_limit():
    source = flow("""
        id: big
        namespace: company.team
        """) + TASKS + "# " + "x" * (3 * 1024 * 1024) + "\n"
    error = only_error(source)
    assert error.message.startswith(f"the flow's text has {len(source)} characters, more than the limit of 3145728 "
                                    "(setting KESTRAWEB_FLOW_MAX_SOURCE_CHARS)")
