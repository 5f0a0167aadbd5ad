"""FilterItems and DeduplicateItems as Kestra's io.kestra.plugin.core.storage classes:
each Ion line's fields are the condition's variables; INCLUDE/EXCLUDE, the
errorOrNullBehavior choices, and keep-last deduplication with its counts."""
import pytest

from tests.core.storage_flows import read_stored, with_files
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

ITEMS = '{id:1,product_id:20,email:"k@x"}\n{id:2,product_id:14,email:"m@x"}\n{id:3,product_id:20,email:"k@x"}'


def _filter(flow_id: str, extra: str):
    return run_flow(with_files(flow_id, {"items.ion": ITEMS}, f"""
        - id: filter
          type: io.kestra.plugin.core.storage.FilterItems
          from: "{{{{ outputs.files.uris['items.ion'] }}}}"
          {extra}
    """))


def test_include_keeps_the_items_matching_the_condition():
    run = _filter("filter_include", "filterCondition: '{{ product_id == 20 }}'")
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("filter").outputs
    assert read_stored(outputs["uri"]).splitlines() == ['{id:1,product_id:20,email:"k@x"}',
                                                         '{id:3,product_id:20,email:"k@x"}']
    assert (outputs["processedItemsTotal"], outputs["droppedItemsTotal"]) == (3, 1)


def test_exclude_drops_them():
    run = _filter("filter_exclude", "filterCondition: '{{ product_id == 20 }}'\n          filterType: EXCLUDE")
    assert run.state == "SUCCESS", run.logs()
    assert read_stored(run.one("filter").outputs["uri"]) == '{id:2,product_id:14,email:"m@x"}\n'


def test_a_failing_condition_fails_by_default_and_follows_error_or_null_behavior_otherwise():
    failing = "filterCondition: '{{ missing.field == 1 }}'"
    assert _filter("filter_fail", failing).state == "FAILED"
    run = _filter("filter_err_include", failing + "\n          errorOrNullBehavior: INCLUDE")
    assert run.state == "SUCCESS", run.logs()
    assert run.one("filter").outputs["droppedItemsTotal"] == 0
    run = _filter("filter_err_exclude", failing + "\n          errorOrNullBehavior: EXCLUDE")
    assert run.one("filter").outputs["droppedItemsTotal"] == 3


def test_deduplicate_keeps_the_last_item_of_each_key_in_file_order():
    run = run_flow(with_files("dedup", {"items.ion": ITEMS}, """
        - id: dedup
          type: io.kestra.core.tasks.storages.DeduplicateItems
          from: "{{ outputs.files.uris['items.ion'] }}"
          expr: "{{ email }}"
    """))
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("dedup").outputs
    assert read_stored(outputs["uri"]).splitlines() == ['{id:2,product_id:14,email:"m@x"}',
                                                         '{id:3,product_id:20,email:"k@x"}']
    assert (outputs["numKeys"], outputs["processedItemsTotal"], outputs["droppedItemsTotal"]) == (2, 3, 1)
