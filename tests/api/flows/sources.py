"""Flow sources the flow API tests save."""


def flow_yaml(flow_id="hello", namespace="company.team", message="hi", extra=""):
    return (f"id: {flow_id}\nnamespace: {namespace}\n{extra}"
            f"tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: {message}\n")


LABELLED = """id: labelled
namespace: company.team
labels:
  env: prod
inputs:
  - id: name
    type: STRING
    defaults: world
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.name }}"
"""

INVALID = """id: broken
namespace: company.team
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    mesage: hi
"""
