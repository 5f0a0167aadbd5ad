"""`manage.py loadflows PATH...`: save flows from files or folders (a new revision when
a flow exists and changed). Invalid files are reported with file and line; exit 2."""
from django.core.management.base import BaseCommand

from flows.loading import flow_files
from flows.services import save_flow
from flows.spec import FlowInvalid


class Command(BaseCommand):
    help = "Save Kestra flows from YAML files or folders of them."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="flow files or folders")

    def handle(self, *args, paths, **options):
        invalid = 0
        for path in flow_files(paths):
            try:
                flow, changed = save_flow(path.read_text())
            except OSError as exc:
                self.stderr.write(f"{path}: cannot read: {exc.strerror}")
                invalid += 1
            except FlowInvalid as exc:
                for error in exc.errors:
                    where = f"{path}:{error.line}" if error.line else str(path)
                    self.stderr.write(f"{where}: {error}")
                invalid += 1
            else:
                status = f"revision {flow.revision}" if changed else "unchanged"
                self.stdout.write(f"{path}: {flow.namespace}.{flow.flow_id} ({status})")
        if invalid:
            raise SystemExit(2)
