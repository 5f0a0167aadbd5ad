from ..routing import ui
from . import views

urlpatterns = [
    *ui("flows/edit/<str:namespace>/<str:flow_id>/topology", views.flow_topology, "flow-topology"),
    *ui("executions/<str:namespace>/<str:flow_id>/<str:execution_id>/topology", views.execution_topology,
        "execution-topology"),
]
