"""Kestra's and Pebble's filters, one family a module."""
from .collections import FILTERS as COLLECTION_FILTERS
from .dates import FILTERS as DATE_FILTERS
from .json import FILTERS as JSON_FILTERS
from .strings import FILTERS as STRING_FILTERS

FILTERS = {**STRING_FILTERS, **COLLECTION_FILTERS, **JSON_FILTERS, **DATE_FILTERS}
