"""The Redis of this machine, for the end-to-end tests of the Redis list triggers
(the `redis_list` fixture is in conftest.py)."""

URL = "redis://127.0.0.1:6379/0"


def nothing_left(connection, key: str) -> bool:
    """The list and every pending list of its triggers are empty: all acknowledged."""
    return not list(connection.scan_iter(f"{key}*"))
