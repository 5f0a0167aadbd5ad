from ..routing import ui
from . import execute

FLOW = "flows/edit/<str:namespace>/<str:flow_id>"

urlpatterns = [
    *ui(f"{FLOW}/execute", execute.execute, "flow-execute"),
    *ui(f"{FLOW}/execute/conditions", execute.conditions, "flow-execute-conditions"),
]
