"""The list's ids when several states are chosen. `state IN (a, b)` ordered by start
date leads the database to read every row of those states and sort them all (SQLite
at 100,000 executions: ~300 ms a page); read instead, for each state, its newest rows
from the (state, start date) index, only as many as the page needs, and merge them."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime


def _newest_first(item: tuple[datetime | None, str]) -> tuple[float, str]:
    start, pk = item
    return (-start.timestamp() if start else float("inf"), pk)  # no start date: last, as DESC puts NULL


class IdsByStates:
    """What Paginator needs of a list of ids (count, slices), read state by state."""

    ordered = True

    def __init__(self, rows, of_state: Callable, states: list[str], order: tuple[str, ...]):
        """`rows`: all the states chosen; `of_state(state)`: the same filters with that
        state only, never beside `state IN (...)`: SQLite then misjudges the state index
        and scans every execution newest first for a state that has none."""
        self.rows, self.of_state, self.states, self.order = rows, of_state, states, order

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[str]:
        top = window.stop
        found: list[tuple[datetime | None, str]] = []
        for state in self.states:
            found += self.of_state(state).order_by(*self.order).values_list("start_date", "pk")[:top]
        found.sort(key=_newest_first)
        return [pk for _, pk in found[window]]
