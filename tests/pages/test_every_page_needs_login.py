"""No page shows anything to an anonymous visitor: every `/ui/` route (each section's,
present and future) sends them to the login page, under both of its paths."""
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

OPEN = {"ui/login", "ui/logout"}  # the way in, and out


def ui_routes(patterns=None, prefix=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from ui_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("ui/") and route not in OPEN:
            yield route


def concrete(route: str) -> str:
    """A path for a route, with a plausible value in each parameter."""
    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>",
                        lambda m: "1" if m.group(1) == "int" or m.group(2) in ("revision", "page") else "x", route)


def test_there_are_pages_to_check():
    assert list(ui_routes())


@pytest.mark.parametrize("route", sorted(set(ui_routes())))
def test_an_anonymous_visitor_is_sent_to_login(route):
    path = concrete(route)
    for method in ("get", "post"):
        response = getattr(Client(), method)(path)
        assert response.status_code == 302, (method, path, response.status_code)
        assert response["Location"].startswith("/ui/login?next="), response["Location"]


def test_every_page_also_answers_under_the_tenant():
    routes = set(ui_routes())
    plain = {route for route in routes if not route.startswith("ui/main/")}
    assert {route.replace("ui/", "ui/main/", 1) for route in plain} <= routes
