"""Every section's pages. A section is a package of kestraweb.pages with a `urls` module."""
from django.urls import include, path

SECTIONS = [
    "shell",
    "flows",
    "flow_templates",
    "topology",
    "flow_run",
    "executions",
    "home",
    "logs",
    "settings",
    "namespaces",
    "blueprints",
    "docs",
]

urlpatterns = [path("", include(f"kestraweb.pages.{section}.urls")) for section in SECTIONS]
