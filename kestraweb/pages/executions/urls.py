from ..routing import ui
from . import actions, bulk, gantt_views, listing, logs, outputs, overview, tabs

ONE = "executions/<str:namespace>/<str:flow_id>/<str:execution_id>"

urlpatterns = [
    *ui("executions", listing.execution_list, "executions"),
    *ui("executions/bulk", bulk.bulk_action, "executions-bulk"),
    *ui(ONE, tabs.execution_home, "execution"),
    *ui(f"{ONE}/gantt", gantt_views.gantt_tab, "execution-gantt"),
    *ui(f"{ONE}/gantt/live", gantt_views.gantt_fragment, "execution-gantt-live"),
    *ui(f"{ONE}/overview", overview.overview_tab, "execution-overview"),
    *ui(f"{ONE}/logs", logs.logs_tab, "execution-logs"),
    *ui(f"{ONE}/logs/tail", logs.logs_tail, "execution-logs-tail"),
    *ui(f"{ONE}/logs/download", logs.logs_download, "execution-logs-download"),
    *ui(f"{ONE}/outputs", outputs.outputs_tab, "execution-outputs"),
    *ui(f"{ONE}/file/preview", outputs.file_preview, "execution-file-preview"),
    *ui(f"{ONE}/file", outputs.file_download, "execution-file"),
    *ui(f"{ONE}/actions/<str:action>", actions.execution_action, "execution-action"),
]
