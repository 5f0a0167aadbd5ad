"""`manage.py runexecution ID [--json]`: drive an existing execution to its end in this
process, from wherever it stands (e.g. after the process running it died)."""

from django.core.management.base import BaseCommand, CommandError

from executions.engine.runner import run_to_end
from executions.management.report import report_and_exit, stop_on_interrupt
from executions.models import Execution


class Command(BaseCommand):
    help = "Run an existing execution to its end in this process."

    def add_arguments(self, parser):
        parser.add_argument("execution_id")
        parser.add_argument("--json", action="store_true", help="print the execution as JSON")
        parser.add_argument("--timeout", type=float, default=None)

    def handle(self, *args, execution_id, **options):
        if not Execution.objects.filter(pk=execution_id).exists():
            raise CommandError(f"no execution {execution_id}")
        with stop_on_interrupt(self) as running:
            running.id = execution_id
            execution = run_to_end(execution_id, timeout=options["timeout"])
        report_and_exit(self, execution, options["json"])
