"""The flow's own properties that have a fixed shape, declared as plugin properties
are (plugins.api.properties.Property), so validation (top_level) and the flow's JSON
schema (flows.flow_schema) read one declaration."""
from __future__ import annotations

from plugins.api.properties import RETRY, WORKER_GROUP, Property

CONCURRENCY_BEHAVIORS = ("QUEUE", "CANCEL", "FAIL")

# Kestra's Concurrency: how many executions of the flow run at once, and what happens to one more.
CONCURRENCY = Property("concurrency", "object", dynamic=False, description=(
    "How many executions of this flow may run at once; one more is queued, cancelled or failed."), fields=(
    Property("limit", "integer", required=True, minimum=1, dynamic=False,
             description="Executions running at once, at most."),
    Property("behavior", "enum", values=CONCURRENCY_BEHAVIORS, default="QUEUE", dynamic=False,
             description="What happens to an execution past the limit."),
))

# Declared flow properties by name: each checked (top_level) and described (flow_schema) from here.
DECLARED = {prop.name: prop for prop in (CONCURRENCY, RETRY, WORKER_GROUP)}
