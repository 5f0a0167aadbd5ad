"""Flows the benchmark runs."""


def sequential_flow(flow_id: str, n: int) -> str:
    tasks = "".join(
        f"  - id: t{i}\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{{{{ task.id }}}} {i}\"\n"
        for i in range(n)
    )
    return f"id: {flow_id}\nnamespace: bench\ntasks:\n{tasks}"


RETURN_ITEM = """      - id: item
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}"
"""
# Sleep is not lightweight: each child runs on a worker thread and its end is an
# advance of the execution, so this shows what one advance costs as the execution grows.
SLEEP_ITEM = """      - id: nap
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT0.001S
"""


def foreach_flow(flow_id: str, n: int, concurrency: int = 0, item: str = RETURN_ITEM) -> str:
    return f"""id: {flow_id}
namespace: bench
tasks:
  - id: loop
    type: io.kestra.plugin.core.flow.ForEach
    values: "{{{{ range(1, {n}) }}}}"
    concurrencyLimit: {concurrency}
    tasks:
{item}"""


def nested_flow(flow_id: str) -> str:
    return f"""id: {flow_id}
namespace: bench
tasks:
  - id: outer
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b", "c", "d", "e"]
    tasks:
      - id: middle
        type: io.kestra.plugin.core.flow.Sequential
        tasks:
          - id: inner
            type: io.kestra.plugin.core.flow.ForEach
            values: ["1", "2", "3", "4"]
            concurrencyLimit: 0
            tasks:
              - id: leaf
                type: io.kestra.plugin.core.debug.Return
                format: "{{{{ parents[1].taskrun.value }}}}{{{{ taskrun.value }}}}"
"""

