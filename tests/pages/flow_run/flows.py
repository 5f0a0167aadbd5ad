"""Flows the Execute page tests submit."""
from tests.flow_runs import save

EVERY_INPUT = """
id: every_input
namespace: company.team
inputs:
  - id: text
    type: STRING
    defaults: hello
    description: Some text
  - id: count
    type: INT
  - id: ratio
    type: FLOAT
    required: false
  - id: flag
    type: BOOLEAN
    defaults: true
  - id: moment
    type: DATETIME
    required: false
  - id: day
    type: DATE
    required: false
  - id: clock
    type: TIME
    required: false
  - id: wait
    type: DURATION
    required: false
  - id: file
    type: FILE
    required: false
  - id: colour
    type: ENUM
    values: [red, green]
    defaults: green
  - id: size
    type: SELECT
    values: [S, M, L]
    required: false
  - id: tags
    type: MULTISELECT
    values: [a, b, c]
    required: false
  - id: doc
    type: JSON
    required: false
  - id: items
    type: ARRAY
    itemType: INT
    required: false
  - id: site
    type: URI
    required: false
  - id: token
    type: SECRET
    required: false
  - id: mail
    type: EMAIL
    required: false
  - id: conf
    type: YAML
    required: false
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.text }}"
"""

CONDITIONAL = """
id: conditional
namespace: company.team
inputs:
  - id: kind
    type: SELECT
    values: [file, table]
    defaults: file
  - id: table
    type: STRING
    required: false
    dependsOn:
      inputs: [kind]
      condition: "{{ inputs.kind == 'table' }}"
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.kind }}"
"""

URL = "/ui/flows/edit/company.team/every_input/execute"


def every_input():
    return save(EVERY_INPUT)
