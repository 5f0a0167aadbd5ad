"""A flow cannot reach the server's disk through a subflow's FILE input: a local path
there is refused (only `runflow --input` takes local paths), while a kestra:// URI is
passed on and checked when read (Kestra's FILE input keeps a kestra URI as it is,
FlowInputOutput; reads follow AbstractFileFunction)."""
import pytest

from executions.models import Execution
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def child():
    save("""
        id: file-child
        namespace: tests.subfiles
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: use
            type: io.kestra.plugin.core.debug.Return
            format: "{{ read(inputs.file) }}"
    """)


def test_a_local_path_given_to_a_subflow_s_file_input_is_refused(tmp_path):
    private = tmp_path / "server-only.txt"
    private.write_text("server secret")
    run = run_flow(f"""
        id: file-parent
        namespace: tests.subfiles.caller
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.subfiles
            flowId: file-child
            inputs:
              file: "{private}"
    """)
    assert run.state == "FAILED"
    assert any("Invalid input 'file': a subflow's FILE input must be a kestra:// URI" in line
               for line in run.logs()), run.logs()
    assert not Execution.objects.filter(flow_id="file-child").exists()


def test_a_storage_uri_of_the_parent_reaches_the_subflow():
    run = run_flow("""
        id: file-parent
        namespace: tests.subfiles.caller
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            inputFiles:
              data.txt: "parent data"
            outputFiles:
              - data.txt
            tasks:
              - id: noop
                type: io.kestra.plugin.core.debug.Return
                format: "-"
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.subfiles
            flowId: file-child
            inputs:
              file: "{{ outputs.wd.outputFiles['data.txt'] }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    child = Execution.objects.get(flow_id="file-child")
    assert child.taskruns.get(task_id="use").outputs == {"value": "parent data"}
