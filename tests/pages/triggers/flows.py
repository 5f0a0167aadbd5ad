"""A flow with a Schedule and a Webhook trigger."""
from tests.flow_runs import save

SCHEDULED = """
id: scheduled
namespace: company.team
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: tick
triggers:
  - id: hourly
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 * * * *"
  - id: hook
    type: io.kestra.plugin.core.trigger.Webhook
    key: abc
"""

URL = "/ui/flows/edit/company.team/scheduled/triggers"


def scheduled():
    return save(SCHEDULED)
