"""Kestra's paging: `page` (1-based, default 1), `size` (1..API_MAX_PAGE_SIZE, default
10), `sort=field:asc|desc` (repeatable, whitelisted per endpoint), answered as
`{"results": [...], "total": n}` (PagedResults)."""
from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from .problems import invalid_parameter

DEFAULT_SIZE = 10
# Kestra reads page, size and revision as Java ints: more is a 422 there too. Here it
# keeps an offset (page x size) inside a 64-bit integer, which PostgreSQL ("bigint out
# of range") and SQLite ("datatype mismatch") need, else a 500.
MAX_WHOLE_NUMBER = 2**31 - 1


@dataclass(frozen=True)
class Page:
    number: int
    size: int
    order_by: list[str]

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def _positive(request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise invalid_parameter(name, f"{raw!r} is not a whole number") from None
    if value < 1:
        raise invalid_parameter(name, "must be at least 1")
    if value > MAX_WHOLE_NUMBER:
        raise invalid_parameter(name, f"must be at most {MAX_WHOLE_NUMBER}")
    return value


def page_params(request, sort_fields: dict[str, str], default_sort: list[str]) -> Page:
    """The page asked for. `sort_fields` maps a Kestra sort name (`state.startDate`) to
    a model field (`start_date`); `default_sort` is a list of order_by terms. A unique
    tie-breaker (`pk`) is appended so pages never overlap."""
    size = _positive(request, "size", DEFAULT_SIZE)
    if size > settings.API_MAX_PAGE_SIZE:
        raise invalid_parameter("size", f"must be at most {settings.API_MAX_PAGE_SIZE} (KESTRAWEB_API_MAX_PAGE_SIZE)")
    order_by = []
    for term in request.query_params.getlist("sort"):
        for item in filter(None, term.split(",")):
            name, _, direction = item.partition(":")
            if name not in sort_fields:
                raise invalid_parameter("sort", f"unknown sort field {name!r}; known: {', '.join(sort_fields)}")
            if direction.lower() not in ("", "asc", "desc"):
                raise invalid_parameter("sort", f"direction of {name!r} must be asc or desc, not {direction!r}")
            order_by.append(("-" if direction.lower() == "desc" else "") + sort_fields[name])
    order_by = (order_by or list(default_sort)) + ["pk"]
    return Page(_positive(request, "page", 1), size, order_by)


def paged(queryset, page: Page, serialize) -> dict:
    """One page of the queryset as `{results, total}`; the count is skipped when the
    page itself shows the total (a first page that is not full)."""
    rows = list(queryset.order_by(*page.order_by)[page.offset:page.offset + page.size])
    counted = page.number == 1 and len(rows) < page.size
    total = len(rows) if counted else queryset.order_by().count()
    return {"results": [serialize(row) for row in rows], "total": total}
