"""Kestra's search filters as a Django Q.

`filters[field][OP]=value` (QueryFilter), with OR/AND groups
(`filters[or][0][flowId][EQUALS]=a`), maps (`filters[labels][EQUALS][env]=prod`) and
CSV lists (`filters[state][IN]=SUCCESS,FAILED`); when no `filters[...]` is given, the
plain parameters (`namespace`, `flowId`, `state`, `labels=k:v`, `q`, `startDate`,
`endDate`) as Kestra's RequestUtils maps them. An endpoint declares the fields it
knows, `{kestra name: field kind}` (api.filters.fields), and calls
`filter_q(request, FIELDS)`; an unknown field or operation is a 422 naming it."""
from .fields import Choice, Custom, Date, Field, Namespace, Number, Search, Text
from .legacy import LEGACY_PARAMS, legacy_conditions
from .parse import Condition, Group, parse_filters, to_q

__all__ = ["Choice", "Condition", "Custom", "Date", "Field", "Group", "LEGACY_PARAMS", "Namespace", "Number", "Search",
           "Text", "filter_q", "parse_filters", "to_q"]


def filter_q(request, fields: dict, legacy: dict | None = None):
    """The Q of the request's filters over `fields`; `legacy` overrides which plain
    parameters map to which (field, op) (default LEGACY_PARAMS, limited to `fields`)."""
    group = parse_filters(request.query_params)
    if not group.children:
        group = legacy_conditions(request.query_params, fields, legacy)
    return to_q(group, fields)
