"""Sample data the storage tasks' examples run on: one file, so that their examples
tell one story (the same orders filtered, deduplicated, ...)."""
from __future__ import annotations

from plugins.api.properties import Example

# Orders as JSON lines (an Ion reader reads them as maps): customer a@x.io ordered twice.
SAMPLE_ORDERS = ('{"order_id": 1, "customer_email": "a@x.io", "product_id": 20}\n'
                 '{"order_id": 2, "customer_email": "b@x.io", "product_id": 7}\n'
                 '{"order_id": 3, "customer_email": "a@x.io", "product_id": 20}\n')


def orders_example(title: str, task: str) -> Example:
    """A whole flow running `task` (its YAML, `from: "{{ inputs.orders }}"`) on
    SAMPLE_ORDERS, given as the FILE input `orders`; the flow is named after the task."""
    task_id = task.split("\n", 1)[0].removeprefix("- id: ")
    task_lines = "".join(f"  {line}\n" for line in task.strip("\n").split("\n"))
    return Example(title, full=True, inputs={"orders": SAMPLE_ORDERS}, code=(
        f"id: {task_id}\nnamespace: company.team\ninputs:\n  - id: orders\n    type: FILE\ntasks:\n{task_lines}"))
