"""The labels of an execution a trigger starts, as Kestra's LabelService#fromTrigger
makes them (ScheduleTest#success_withLabels, FlowTest#success_withLabels): the flow's
labels without system ones, then the trigger's rendered; `{{ null }}` renders "", a
label that cannot be rendered is left out."""
from expressions import render_value
from plugins.api.trigger import execution_labels


def test_flow_labels_then_rendered_trigger_labels():
    flow_labels = [{"key": "flow-label-1", "value": "flow-label-1"}, {"key": "system.correlationId", "value": "x"}]
    spec = {"labels": [{"key": "trigger-label-1", "value": "trigger-label-1"},
                       {"key": "trigger-label-2", "value": "{{ 'trigger-label-2' }}"},
                       {"key": "trigger-label-3", "value": "{{ null }}"},
                       {"key": "trigger-label-4", "value": "{{ foobar }}"}]}
    labels = execution_labels(flow_labels, spec, lambda value: render_value(value, {}))
    assert labels == [{"key": "flow-label-1", "value": "flow-label-1"},
                      {"key": "trigger-label-1", "value": "trigger-label-1"},
                      {"key": "trigger-label-2", "value": "trigger-label-2"},
                      {"key": "trigger-label-3", "value": ""}]


def test_trigger_labels_may_be_a_map():
    labels = execution_labels([], {"labels": {"team": "data"}}, lambda value: value)
    assert labels == [{"key": "team", "value": "data"}]
