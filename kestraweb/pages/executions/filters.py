"""The list's filters, read through the API's search: the same field map
(api.executions.search_fields.FIELDS) and condition builder (api.filters), so a filter
means here what it means in `GET /executions/search` and uses the same indexes. Only
the plain parameters' map differs: the page's date range is on the start date."""
from __future__ import annotations

from django.http import QueryDict

from api.executions.search_fields import FIELDS
from api.filters import legacy_conditions, to_q
from api.problems import Problem
from executions.states import State

STATES = [s.value for s in State]
# form parameter -> (search field, operation)
PARAMS = {
    "q": ("q", "EQUALS"),
    "namespace": ("namespace", "PREFIX"),
    "flowId": ("flowId", "EQUALS"),
    "state": ("state", "IN"),
    "labels": ("labels", "EQUALS"),
    "startDate": ("startDate", "GREATER_THAN_OR_EQUAL_TO"),
    "endDate": ("startDate", "LESS_THAN_OR_EQUAL_TO"),
}


class BadFilter(Exception):
    """A filter value the search refuses; the message names the parameter."""


def filter_params(request, default_namespace: str) -> QueryDict:
    """The request's filters; none at all (first visit) means the user's default namespace."""
    params = request.GET
    if not any(name in params for name in PARAMS) and default_namespace:
        params = params.copy()
        params["namespace"] = default_namespace
    return params


def filter_q(params: QueryDict):
    """The Q of the filters; BadFilter naming the parameter when one cannot be used."""
    try:
        return to_q(legacy_conditions(params, FIELDS, PARAMS), FIELDS)
    except Problem as problem:
        raise BadFilter(str(problem.detail)) from None
