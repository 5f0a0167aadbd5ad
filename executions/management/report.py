"""How the commands that run an execution end: print it (readable summary, or with
--json the API's execution plus its logs) and exit as the command-line contract says,
0 for SUCCESS/WARNING, 1 otherwise."""
import json

from executions.serializers import execution_json, execution_logs
from executions.states import State
from executions.summary import summary


def report_and_exit(command, execution, as_json: bool) -> None:
    if as_json:
        command.stdout.write(json.dumps({**execution_json(execution), "logs": execution_logs(execution.id)}))
    else:
        command.stdout.write(summary(execution))
    if execution.state not in (State.SUCCESS.value, State.WARNING.value):
        raise SystemExit(1)
