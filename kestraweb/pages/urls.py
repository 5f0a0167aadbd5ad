"""Every section's pages. A section is a package of kestraweb.pages with a `urls` module."""
from django.urls import include, path

SECTIONS = [
    "shell",
    "blueprints",
    "docs",
]

urlpatterns = [path("", include(f"kestraweb.pages.{section}.urls")) for section in SECTIONS]
