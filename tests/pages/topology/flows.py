"""Flows the topology tests draw."""

NESTED = """
id: nested
namespace: company.team
tasks:
  - id: p
    type: io.kestra.plugin.core.flow.Parallel
    tasks:
      - id: a
        type: io.kestra.plugin.core.log.Log
        message: a
      - id: s
        type: io.kestra.plugin.core.flow.Sequential
        tasks:
          - id: b
            type: io.kestra.plugin.core.log.Log
            message: b
          - id: c
            type: io.kestra.plugin.core.log.Log
            message: c
  - id: last
    type: io.kestra.plugin.core.log.Log
    message: last
errors:
  - id: on_error
    type: io.kestra.plugin.core.log.Log
    message: failed
finally:
  - id: always
    type: io.kestra.plugin.core.log.Log
    message: done
triggers:
  - id: hourly
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 * * * *"
"""

LOOP = """
id: loop
namespace: company.team
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["x", "y"]
    tasks:
      - id: say
        type: io.kestra.plugin.core.log.Log
        message: "{{ taskrun.value }}"
  - id: boom
    type: io.kestra.plugin.core.execution.Fail
  - id: never
    type: io.kestra.plugin.core.log.Log
    message: never
"""
