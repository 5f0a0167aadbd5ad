"""`manage.py runflow PATH|NAMESPACE.ID [--input KEY=VALUE]... [--json]`

Saves the flow (when given a path), runs it to its end in this process and prints a
summary, or with --json the execution as the REST API returns it plus its "logs".
Exit 0 for SUCCESS/WARNING, 1 for FAILED/KILLED, 2 for an invalid flow or input. When a
`retry.behavior: CREATE_NEW_EXECUTION` replaced the execution by new ones, the run ends
with the last of them: that one is reported, and decides the exit code."""
import os
from pathlib import Path

from django.core.management.base import BaseCommand

from executions.engine.create import create_execution
from executions.engine.runner import run_to_end
from executions.management.report import report_and_exit, stop_on_interrupt
from flows.loading import FlowFileUnreadable, located, read_flow_file
from flows.models import Flow
from flows.services import save_flow
from flows.spec import FlowInvalid, InputInvalid
from flows.spec.inputs import invalid_input, received
from kestraweb.schema import migrate_if_needed
from storage.layout import SCHEME


class Invalid(Exception):
    pass


def _local_file_problem(path: Path) -> str | None:
    if not path.exists():
        return "file not found"
    if not path.is_file():
        return "not a file"
    if not os.access(path, os.R_OK):
        return "file not readable"
    return None


class Command(BaseCommand):
    help = "Run a flow to its end in this process."

    def add_arguments(self, parser):
        parser.add_argument("flow", help="a flow file, or NAMESPACE.ID of a saved flow")
        parser.add_argument("--input", action="append", default=[], metavar="KEY=VALUE",
                            help="an input value (repeatable); FILE inputs take a local path")
        parser.add_argument("--label", action="append", default=[], metavar="KEY=VALUE", help="an execution label")
        parser.add_argument("--json", action="store_true", help="print the execution as JSON")
        parser.add_argument("--timeout", type=float, default=None, help="give up after this many seconds")

    def handle(self, *args, **options):
        with stop_on_interrupt(self) as running:
            migrate_if_needed()
            try:
                flow = self._flow(options["flow"])
                inputs = self._pairs(options["input"], "--input")
                labels = self._pairs(options["label"], "--label")
                self._check_local_files(flow, inputs)
                running.id = create_execution(flow, inputs, labels=labels).id
            except (Invalid, FlowInvalid, InputInvalid, FlowFileUnreadable) as exc:
                self.stderr.write(str(exc))
                raise SystemExit(2) from None
            execution = run_to_end(running.id, timeout=options["timeout"])
        report_and_exit(self, execution, options["json"])

    def _flow(self, ref: str) -> Flow:
        path = Path(ref)
        if path.is_file():
            try:
                flow, _ = save_flow(read_flow_file(path))
            except FlowInvalid as exc:
                raise Invalid("\n".join(located(path, exc))) from None
            return flow
        # Flow ids may contain dots too (`company.team.load.daily`): try each split,
        # the longest namespace first.
        parts = ref.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            namespace, flow_id = ".".join(parts[:cut]), ".".join(parts[cut:])
            flow = Flow.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False).first()
            if flow is not None:
                return flow
        raise Invalid(f"no flow file or saved flow named {ref!r}")

    @staticmethod
    def _check_local_files(flow: Flow, inputs: dict) -> None:
        """A FILE input on the command line is a local path (or a kestra:// URI): a
        path that is not a readable file is the input's error, found before anything
        is created."""
        errors = []
        for decl in flow.spec().inputs:
            value = inputs.get(decl["id"])
            if decl["type"] != "FILE" or not value or value.startswith(SCHEME):
                continue
            problem = _local_file_problem(Path(value))
            if problem:
                errors.append((decl["id"], invalid_input(decl["id"], f"{problem}{received(decl, value)}")))
        if errors:
            raise InputInvalid(errors)

    @staticmethod
    def _pairs(items, option) -> dict:
        pairs = {}
        for item in items:
            key, sep, value = item.partition("=")
            if not sep or not key:
                raise Invalid(f"{option} {item!r}: expected KEY=VALUE")
            pairs[key] = value
        return pairs
