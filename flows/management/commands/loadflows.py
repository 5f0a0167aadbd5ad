"""`manage.py loadflows PATH...`: save flows from files or folders (a new revision when
a flow exists and changed). Invalid files are reported with file and line; exit 2.

Each file is saved whole or not at all; a bad file never stops the others from being
checked and saved, so one run reports every problem at once."""
from django.core.management.base import BaseCommand

from flows.loading import FlowFileUnreadable, flow_files, located, read_flow_file
from flows.services import save_flow
from flows.spec import FlowInvalid, parse_flow
from kestraweb.schema import migrate_if_needed


class Command(BaseCommand):
    help = "Save Kestra flows from YAML files or folders of them."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="flow files or folders")

    def handle(self, *args, paths, **options):
        migrate_if_needed()
        invalid = 0
        saved_from: dict[tuple[str, str], object] = {}  # (namespace, id) -> the file that saved it
        for path in flow_files(paths):
            try:
                source = read_flow_file(path)
            except FlowFileUnreadable as exc:
                self.stderr.write(str(exc))
                invalid += 1
                continue
            try:
                flow, changed = self._save(source, saved_from, path)
            except FlowInvalid as exc:
                for line in located(path, exc):
                    self.stderr.write(line)
                invalid += 1
            except DuplicateFlow as exc:
                self.stderr.write(str(exc))
                invalid += 1
            else:
                status = f"revision {flow.revision}" if changed else "unchanged"
                self.stdout.write(f"{path}: {flow.namespace}.{flow.flow_id} ({status})")
        if invalid:
            raise SystemExit(2)

    @staticmethod
    def _save(source, saved_from, path):
        """Save one file's flow, unless an earlier file of this run saved the same flow:
        which of the two should win is not for the loader to guess."""
        spec = parse_flow(source)
        key = (spec.namespace, spec.id)
        if key in saved_from:
            raise DuplicateFlow(f"{path}:1: flow {spec.namespace}.{spec.id} is also defined in {saved_from[key]}; "
                                f"not saved")
        flow, changed = save_flow(source)
        saved_from[key] = path
        return flow, changed


class DuplicateFlow(Exception):
    pass
