from ..routing import ui
from . import views_editor, views_list, views_overview, views_revisions

FLOW = "flows/edit/<str:namespace>/<str:flow_id>"

urlpatterns = [
    *ui("flows", views_list.flow_list, "flows"),
    *ui("flows/new", views_editor.new_flow, "flow-new"),
    *ui("flows/validate", views_editor.validate, "flow-validate"),
    *ui("flows/completion.json", views_editor.completion, "flow-completion"),
    *ui(FLOW, views_overview.overview, "flow"),
    *ui(f"{FLOW}/overview", views_overview.overview, "flow-overview"),
    *ui(f"{FLOW}/delete", views_overview.delete, "flow-delete"),
    *ui(f"{FLOW}/enabled", views_overview.set_enabled, "flow-enabled"),
    *ui(f"{FLOW}/source", views_editor.flow_source, "flow-source"),
    *ui(f"{FLOW}/revisions", views_revisions.revisions, "flow-revisions"),
    *ui(f"{FLOW}/revisions/<int:revision>/restore", views_revisions.restore, "flow-restore"),
]
