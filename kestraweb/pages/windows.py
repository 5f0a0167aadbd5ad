"""Lists too long to count at each request (a million log lines): a page is read with
one row more than it shows, which tells whether a next page exists; no total."""
from __future__ import annotations

from dataclasses import dataclass

from .paging import DEFAULT_SIZE, MAX_SIZE


@dataclass
class Window:
    rows: list
    number: int
    size: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def _whole(raw, default: int) -> int:
    try:
        return int(raw or default)
    except ValueError:
        return default


def window_of(request, rows, size: int | None = None) -> Window:
    """The requested page (`?page=N`, `?size=N`) of an ordered queryset."""
    size = min(max(_whole(request.GET.get("size"), size or DEFAULT_SIZE), 1), MAX_SIZE)
    number = max(_whole(request.GET.get("page"), 1), 1)
    offset = (number - 1) * size
    read = list(rows[offset:offset + size + 1])
    return Window(read[:size], number, size, len(read) > size)
