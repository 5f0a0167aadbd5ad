"""Flows the benchmark runs."""


def sequential_flow(flow_id: str, n: int) -> str:
    tasks = "".join(
        f"  - id: t{i}\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{{{{ task.id }}}} {i}\"\n"
        for i in range(n)
    )
    return f"id: {flow_id}\nnamespace: bench\ntasks:\n{tasks}"


def foreach_flow(flow_id: str, n: int, concurrency: int = 0) -> str:
    return f"""id: {flow_id}
namespace: bench
tasks:
  - id: loop
    type: io.kestra.plugin.core.flow.ForEach
    values: "{{{{ range(1, {n}) }}}}"
    concurrencyLimit: {concurrency}
    tasks:
      - id: item
        type: io.kestra.plugin.core.debug.Return
        format: "{{{{ taskrun.value }}}}"
"""


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
