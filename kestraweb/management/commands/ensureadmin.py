"""`manage.py ensureadmin`: make sure an admin account exists and print how to log in.

The password comes from KESTRAWEB_ADMIN_PASSWORD, else one is generated once and kept
in the data folder so `make run` prints the same one every time."""
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the admin account when missing and print its credentials."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8080, help="the web server's port, for the address printed")

    def handle(self, *args, port, **options):
        username = os.environ.get("KESTRAWEB_ADMIN_USER", "admin")
        password_file = settings.DATA_DIR / "admin-password.txt"
        password = os.environ.get("KESTRAWEB_ADMIN_PASSWORD")
        if not password:
            if password_file.exists():
                password = password_file.read_text().strip()
            else:
                password = secrets.token_urlsafe(12)
                password_file.write_text(password + "\n")
                password_file.chmod(0o600)
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            User.objects.create_superuser(username, f"{username}@localhost", password)
        elif not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        self.stdout.write(f"Admin account: {username} / {password}  (log in at http://localhost:{port}/ui/)")
