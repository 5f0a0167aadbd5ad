"""`manage.py loadexamples`: save the example flows of flows/examples/ the first time
(see flows.examples). An example that does not validate is reported on stdout with its
file and line; the command still succeeds, so a server starts without it."""
from django.core.management.base import BaseCommand

from flows.examples import load_examples
from kestraweb.schema import migrate_if_needed


class Command(BaseCommand):
    help = "Save the example flows once (an example edited or deleted since stays so)."

    def handle(self, *args, **options):
        migrate_if_needed()
        result = load_examples()
        for key in result.saved:
            self.stdout.write(f"Example flow saved: {key}")
        for key in result.kept:
            self.stdout.write(f"Example flow {key} not saved: a flow with that id exists already")
        for problem in result.invalid:
            self.stdout.write(f"Example flow not loaded: {problem}")
