from ..routing import ui
from . import execute, triggers

FLOW = "flows/edit/<str:namespace>/<str:flow_id>"
TRIGGER = f"{FLOW}/triggers/<str:trigger_id>"

urlpatterns = [
    *ui(f"{FLOW}/execute", execute.execute, "flow-execute"),
    *ui(f"{FLOW}/execute/conditions", execute.conditions, "flow-execute-conditions"),
    *ui(f"{FLOW}/triggers", triggers.triggers, "flow-triggers"),
    *ui(f"{TRIGGER}/backfill", triggers.backfill, "flow-trigger-backfill"),
    *ui(f"{TRIGGER}/<str:action>", triggers.trigger_action, "flow-trigger-action"),
]
