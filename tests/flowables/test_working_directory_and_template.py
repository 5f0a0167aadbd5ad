import pytest

from flows.services import save_template
from plugins.api.properties import Property
from plugins.api.registry import register, resolve
from plugins.api.task import RunnableTask
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


if resolve("tests.WriteFile") is None:
    @register
    class WriteFile(RunnableTask):
        """Test-only task: writes a file in its working directory and lists what is there."""

        type = "tests.WriteFile"
        properties = (Property("name", required=True),)

        def run(self, ctx):
            folder = ctx.working_dir()
            (folder / ctx.render_property("name")).write_text("x")
            return {"files": sorted(p.name for p in folder.iterdir())}


def test_children_share_one_folder_that_is_removed_after():
    run = run_flow("""
        id: working-dir
        namespace: tests.flowables
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            inputFiles:
              seed.txt: "{{ flow.id }}"
            tasks:
              - id: one
                type: tests.WriteFile
                name: one.txt
              - id: two
                type: tests.WriteFile
                name: two.txt
    """)
    assert run.state == "SUCCESS"
    assert run.one("two").outputs == {"files": ["one.txt", "seed.txt", "two.txt"]}
    from pathlib import Path
    assert not Path(run.one("wd").memo["workingDir"]).exists()


def test_output_files_matching_the_globs_are_kept_in_storage():
    from storage import internal_storage

    run = run_flow("""
        id: working-dir-outputs
        namespace: tests.flowables
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            inputFiles: '{"data/in.csv": "a,b", "notes.md": "skip me"}'
            outputFiles:
              - "*.txt"
              - "data/**"
            tasks:
              - id: write
                type: tests.WriteFile
                name: result.txt
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.wd.outputFiles | keys | join(',') }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    kept = run.one("wd").outputs["outputFiles"]
    assert sorted(kept) == ["data/in.csv", "result.txt"]
    with internal_storage().open(kept["data/in.csv"], "rb") as handle:
        assert handle.read() == b"a,b"
    assert run.one("after").outputs == {"value": "data/in.csv,result.txt"}


def test_input_files_outside_the_folder_fail_the_task():
    run = run_flow("""
        id: working-dir-escape
        namespace: tests.flowables
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            inputFiles:
              ../escape.txt: nope
            tasks:
              - id: never
                type: io.kestra.plugin.core.debug.Return
                format: x
    """)
    assert run.state == "FAILED"
    assert run.of("never") == []
    assert any("outside the working directory" in m for m in run.logs())


def test_a_template_task_inlines_the_saved_template_with_args():
    save_template("""id: greet
namespace: tests.templates
tasks:
  - id: hello
    type: io.kestra.plugin.core.debug.Return
    format: "hello {{ parent.outputs.args.who }}"
""")
    run = run_flow("""
        id: uses-template
        namespace: tests.flowables
        tasks:
          - id: tpl
            type: io.kestra.core.tasks.flows.Template
            namespace: tests.templates
            templateId: greet
            args:
              who: "{{ flow.id }}"
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.hello.value }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("after").outputs == {"value": "hello uses-template"}


def test_the_flows_plugin_defaults_apply_to_the_templates_tasks():
    save_template("""id: defaulted
namespace: tests.templates
tasks:
  - id: from-template
    type: io.kestra.core.tasks.debugs.Return
    format: "the template's own"
""")
    run = run_flow("""
        id: template-defaults
        namespace: tests.flowables
        pluginDefaults:
          - type: io.kestra.plugin.core.debug
            forced: true
            values:
              format: "forced by {{ flow.id }}"
        tasks:
          - id: tpl
            type: io.kestra.plugin.core.flow.Template
            namespace: tests.templates
            templateId: defaulted
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("from-template").outputs == {"value": "forced by template-defaults"}
