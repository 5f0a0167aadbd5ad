"""`manage.py runexecution ID [--json]`: drive an existing execution to its end in this
process, from wherever it stands (e.g. after the process running it died)."""
import json

from django.core.management.base import BaseCommand, CommandError

from executions.engine.runner import run_to_end
from executions.models import Execution
from executions.serializers import execution_json, execution_logs
from executions.states import State
from executions.summary import summary


class Command(BaseCommand):
    help = "Run an existing execution to its end in this process."

    def add_arguments(self, parser):
        parser.add_argument("execution_id")
        parser.add_argument("--json", action="store_true", help="print the execution as JSON")
        parser.add_argument("--timeout", type=float, default=None)

    def handle(self, *args, execution_id, **options):
        if not Execution.objects.filter(pk=execution_id).exists():
            raise CommandError(f"no execution {execution_id}")
        execution = run_to_end(execution_id, timeout=options["timeout"])
        if options["json"]:
            self.stdout.write(json.dumps({**execution_json(execution), "logs": execution_logs(execution.id)}))
        else:
            self.stdout.write(summary(execution))
        if execution.state not in (State.SUCCESS.value, State.WARNING.value):
            raise SystemExit(1)
