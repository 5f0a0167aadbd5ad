"""Execution labels as plugins see them: the prefix of Kestra's own (system) labels."""

# Labels whose key starts with this belong to Kestra (system.correlationId...): a
# flow's or a trigger's own labels never set them, and a flow's are not copied with them.
SYSTEM_PREFIX = "system."
# Set on every execution when it is created: the id of the execution that started the
# chain (its own, or its parent's), which follow-dependencies and Flow triggers follow.
CORRELATION_LABEL = f"{SYSTEM_PREFIX}correlationId"
