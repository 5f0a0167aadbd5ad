"""Script tasks are checked when the flow is saved: the required `commands`/`script`, a
known task runner type, the properties Kestra's AbstractExecScript declares."""
import pytest

from tests.spec.helpers import errors_of

pytestmark = pytest.mark.django_db

FLOW = """
id: checked
namespace: tests.scripts
tasks:
  - id: sh
    type: {type}
{body}
"""


def errors(type_name: str, body: str) -> list[str]:
    return [str(error) for error in errors_of(FLOW.format(type=type_name, body=body))]


def test_kestra_flows_with_every_property_are_valid():
    assert errors("io.kestra.plugin.scripts.python.Script", """\
    containerImage: python:3.11-slim
    taskRunner:
      type: io.kestra.plugin.core.runner.Process
    beforeCommands: [pip install requests]
    dependencies: [requests]
    env: {A: b}
    warningOnStdErr: false
    failFast: true
    inputFiles: {a.txt: hello}
    outputFiles: ["*.csv"]
    namespaceFiles: {enabled: true, include: ["*.py"]}
    targetOS: LINUX
    timeout: PT1M
    script: print(1)""") == []
    assert errors("io.kestra.plugin.scripts.shell.Commands", """\
    runner: DOCKER
    docker: {image: ubuntu, pullPolicy: IF_NOT_PRESENT}
    commands: [echo hi]""") == []


def test_missing_commands_and_unknown_runner_types_are_named():
    missing = errors("io.kestra.plugin.scripts.shell.Commands", "    env: {A: b}")
    assert any("commands" in e and "required property missing" in e for e in missing)
    unknown = errors("io.kestra.plugin.scripts.python.Script", """\
    taskRunner:
      type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
    script: print(1)""")
    assert any("unknown task runner type 'io.kestra.plugin.ee.kubernetes.runner.Kubernetes'" in e for e in unknown)
