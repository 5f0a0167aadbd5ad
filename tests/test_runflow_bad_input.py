"""runflow and loadflows on hostile input: a clear message on stderr naming what is
wrong (file and line, input id), exit 2, no traceback and nothing saved."""
import io

import pytest
from django.core.management import call_command

from executions.models import Execution
from flows.models import Flow

pytestmark = pytest.mark.django_db

INPUTS = """id: inputs
namespace: tests.cli
inputs:
  - id: data
    type: JSON
    required: false
  - id: upload
    type: FILE
    required: false
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.data }}"
"""


def run(*args) -> str:
    """The command's stderr; it must exit 2."""
    stderr = io.StringIO()
    with pytest.raises(SystemExit) as caught:
        call_command(*args, stdout=io.StringIO(), stderr=stderr)
    assert caught.value.code == 2
    assert "Traceback" not in stderr.getvalue()
    return stderr.getvalue()


@pytest.mark.parametrize("command", ["runflow", "loadflows"])
def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path, command):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"id: latin\nnamespace: tests.cli\ntasks:\n  - id: l\n    type: io.kestra.plugin.core.log.Log\n"
                     b"    message: caf\xe9\n")
    assert run(command, str(path)).strip() == f"{path}:6: not UTF-8 text (byte 0xe9)"
    assert not Flow.objects.exists()


@pytest.mark.parametrize("command", ["runflow", "loadflows"])
def test_an_alias_bomb_is_refused_before_it_expands(tmp_path, command):
    lines = ["id: bomb", "namespace: tests.cli", "variables:", '  a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[level]
        lines.append(f"  {name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines += ["tasks:", "  - id: l", "    type: io.kestra.plugin.core.log.Log", "    message: hi"]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert "KESTRAWEB_YAML_MAX_VALUES" in run(command, str(path))
    assert not Flow.objects.exists()


def test_a_json_input_with_nan_is_the_inputs_error(tmp_path):
    path = tmp_path / "inputs.yaml"
    path.write_text(INPUTS)
    stderr = run("runflow", str(path), "--input", "data=[NaN]")
    assert stderr.startswith("Invalid input for `data`, '[NaN]' is not valid JSON")
    assert not Execution.objects.exists()


def test_a_json_input_nested_100k_deep_is_the_inputs_error(tmp_path):
    path = tmp_path / "inputs.yaml"
    path.write_text(INPUTS)
    stderr = run("runflow", str(path), "--input", "data=" + "[" * 100_000 + "]" * 100_000)
    assert stderr.strip() == ("Invalid input for `data`, lists and maps nested deeper than the limit of 50 "
                              "(setting KESTRAWEB_MAX_NESTING_DEPTH)")
    assert not Execution.objects.exists()


@pytest.mark.parametrize("given, problem", [("no/such.csv", "file not found"), ("", "not a file")])
def test_a_file_input_that_is_not_a_readable_file_is_the_inputs_error(tmp_path, given, problem):
    path = tmp_path / "inputs.yaml"
    path.write_text(INPUTS)
    upload = tmp_path / given
    stderr = run("runflow", str(path), "--input", f"upload={upload}")
    assert stderr.strip() == f"Invalid input for `upload`, {problem}, but received `{upload}`"
    assert not Execution.objects.exists()


@pytest.mark.parametrize("command", ["runflow", "loadflows"])
def test_a_typo_in_a_nested_object_is_named_with_file_and_line(tmp_path, command):
    path = tmp_path / "loop.yaml"
    path.write_text("id: loop\nnamespace: tests.cli\ntasks:\n  - id: until\n"
                    "    type: io.kestra.plugin.core.flow.LoopUntil\n    condition: \"{{ true }}\"\n"
                    "    checkFrequency:\n      maxIterationz: 3\n    tasks:\n      - id: l\n"
                    "        type: io.kestra.plugin.core.log.Log\n        message: hi\n")
    assert run(command, str(path)).strip() == (
        f"{path}:8: tasks[0].checkFrequency.maxIterationz: unknown property 'maxIterationz' of checkFrequency; "
        "known: maxIterations, maxDuration, interval (task 'until')")
    assert not Flow.objects.exists()
