"""Every way a user's YAML comes in reads it through the one bounded reader
(expressions.yaml_bounds, Kestra's SnakeYAML LoaderOptions): a flow file given to
loadflows and a Kestra Template (io.kestra.plugin.core.flow.Template's source) are
refused with the limit's name and line, and nothing is saved. YAML inputs:
tests/spec/test_input_json_bounds.py; the yaml() function:
tests/expressions/test_yaml_function_bounds.py."""
import pytest

from flows.models import Template
from flows.services import save_template
from flows.spec import FlowInvalid
from tests.test_commands import cli

BOMB_TASKS = """  - id: t
    type: io.kestra.plugin.core.log.Log
    message: &a [x, x, x, x, x, x, x, x, x, x]
""" + "".join(f"  - {{id: t{b}, type: io.kestra.plugin.core.log.Log, message: &{b} [{', '.join(['*' + a] * 10)}]}}\n"
              for a, b in zip("abcdefg", "bcdefgh"))


@pytest.mark.django_db
def test_a_template_alias_bomb_is_refused_and_not_saved():
    with pytest.raises(FlowInvalid) as refused:
        save_template("id: bomb\nnamespace: tests.yaml\ntasks:\n" + BOMB_TASKS)
    assert "KESTRAWEB_YAML_MAX_VALUES" in str(refused.value)
    assert refused.value.errors[0].line == 11  # the task whose aliases pass the limit
    assert not Template.objects.filter(template_id="bomb").exists()


def test_a_loadflows_alias_bomb_is_refused_naming_file_line_and_limit(tmp_path):
    (tmp_path / "bomb.yaml").write_text("id: bomb\nnamespace: tests.yaml\ntasks:\n" + BOMB_TASKS)
    proc = cli("loadflows", str(tmp_path / "bomb.yaml"), data_dir=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "bomb.yaml:11: " in proc.stderr and "KESTRAWEB_YAML_MAX_VALUES" in proc.stderr
