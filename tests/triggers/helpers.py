"""Building trigger and condition objects for evaluation tests."""
from datetime import UTC, datetime

from plugins.api.condition import ConditionContext, ExecutionFacts, FlowFacts

FLOW = FlowFacts("io.kestra.tests", "flow-with-trigger", 1)


def utc_now() -> datetime:
    return datetime.now(UTC)


def execution(state="SUCCESS", namespace="io.kestra.tests", flow_id="upstream", labels=(), outputs=None,
              attempt_states=()) -> ExecutionFacts:
    return ExecutionFacts(id="exec1", namespace=namespace, flow_id=flow_id, state=state, flow_revision=3,
                          labels=tuple(labels), outputs=outputs or {}, attempt_states=tuple(attempt_states))


def context(execution_facts=None, variables=None) -> ConditionContext:
    return ConditionContext(FLOW, execution_facts, variables or {})
