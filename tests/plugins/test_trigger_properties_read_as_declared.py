"""A trigger's properties are rendered and read as declared too (the batch triggers'
`maxRecords`, `maxDuration`): a value that cannot be read is a TriggerFailed naming the
trigger, the property and the value (Kestra renders a trigger's `Property<Integer>`
as a task's)."""
from datetime import timedelta

import pytest

import expressions
from plugins.api.batches import BatchLimits
from plugins.api.registry import resolve_trigger
from plugins.api.trigger_events import TriggerFailed

TYPE = "io.kestra.plugin.redis.list.Trigger"


class RenderingOnly:
    def __init__(self, **variables):
        self.variables = variables

    def render(self, value):
        return expressions.render_value(value, self.variables)


def trigger(**properties):
    return resolve_trigger(TYPE)({"id": "watch", "type": TYPE, "url": "redis://localhost", "key": "k",
                                  **properties})


def test_rendered_limits_are_read_as_their_kinds():
    limits = BatchLimits.of(RenderingOnly(n="5", d="PT2S"), trigger(maxRecords="{{ n }}", maxDuration="{{ d }}"))
    assert (limits.max_records, limits.max_duration) == (5, timedelta(seconds=2))


@pytest.mark.parametrize("records, message", [
    ("0", "Invalid property 'maxRecords' of trigger 'watch': must be at least 1, not 0"),
    ("many", "Invalid property 'maxRecords' of trigger 'watch': must be an integer, not 'many'"),
])
def test_a_limit_that_cannot_be_read_fails_naming_it(records, message):
    with pytest.raises(TriggerFailed) as caught:
        BatchLimits.of(RenderingOnly(n=records), trigger(maxRecords="{{ n }}"))
    assert str(caught.value) == message
