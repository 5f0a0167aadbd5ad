"""Dates as Kestra's filters see them: Java DateTimeFormatter patterns and named
formats, the server time zone, and the conversions of strings, dates and epochs."""
from .convert import to_datetime
from .java_format import format_java
from .named import format_named_or_pattern
from .zones import server_zone, zone, zone_or_server

__all__ = ["format_java", "format_named_or_pattern", "server_zone", "to_datetime", "zone", "zone_or_server"]
