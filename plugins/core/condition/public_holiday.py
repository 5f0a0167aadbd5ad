"""The PublicHoliday condition, on the `holidays` package's calendars where Kestra uses
Jollyday's: a country code (ISO 3166) and an optional subdivision."""
from __future__ import annotations

from typing import Any

import holidays

from plugins.api.condition import ConditionContext, ConditionError
from plugins.api.properties import Property
from plugins.api.registry import register

from . import condition_names
from .dates import DATE, DateCondition

# Jollyday's HolidayManager without a country reads the server's locale, en_US on Kestra's images.
DEFAULT_COUNTRY = "US"


def calendar_problem(country: Any, subdivision: Any) -> str | None:
    """Why the country or subdivision has no holiday calendar, or None."""
    supported = holidays.list_supported_countries()
    code = str(country or DEFAULT_COUNTRY).upper()
    if code not in supported:
        return f"unknown country '{country}'; an ISO 3166 code such as FR or DE"
    if subdivision is not None and str(subdivision).upper() not in [s.upper() for s in supported[code]]:
        return f"unknown subdivision '{subdivision}' of {code}; one of {', '.join(supported[code])}"
    return None


@register
class PublicHoliday(DateCondition):
    type, aliases = condition_names("PublicHoliday")
    title = "Condition for public holidays."
    properties = (
        DATE,
        Property("country", description="ISO 3166 country code (default US)."),
        Property("subDivision", description="ISO 3166-2 subdivision code of the country (a region, a state)."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        country, subdivision = spec.get("country"), spec.get("subDivision")
        if any(isinstance(v, str) and "{{" in v for v in (country, subdivision)):
            return []
        problem = calendar_problem(country, subdivision)
        return [("subDivision" if "subdivision" in (problem or "") else "country", problem)] if problem else []

    def test(self, context: ConditionContext) -> bool:
        country = context.rendered(self.get("country"))
        subdivision = context.rendered(self.get("subDivision"))
        problem = calendar_problem(country, subdivision)
        if problem:
            raise ConditionError(problem)
        day = self.tested_date(context)
        code = str(country or DEFAULT_COUNTRY).upper()
        subdivisions = {s.upper(): s for s in holidays.list_supported_countries()[code]}
        subdiv = subdivisions[str(subdivision).upper()] if subdivision is not None else None
        return day in holidays.country_holidays(code, subdiv=subdiv, years=day.year)
