"""Trigger routes, literal segments before `{namespace}/{flowId}` (contract §4)."""
from django.urls import path

from executions import trigger_actions as actions

from . import views

TRIGGER = "triggers/<str:namespace>/<str:flow_id>/<str:trigger_id>"

urlpatterns = [
    path("triggers/search", views.SearchView.as_view(), name="triggers-search"),
    path("triggers/set-disabled", views.SetDisabledView.as_view(), name="triggers-set-disabled"),
    path("triggers/set-disabled/by-triggers", views.SetDisabledByTriggersView.as_view()),
    path("triggers/set-disabled/by-query", views.SetDisabledByQueryView.as_view()),
    path("triggers/unlock/by-triggers", views.UnlockByTriggersView.as_view()),
    path("triggers/unlock/by-query", views.UnlockByQueryView.as_view()),
    path("triggers/delete/by-triggers", views.DeleteByTriggersView.as_view()),
    path("triggers/delete/by-query", views.DeleteByQueryView.as_view()),
    path("triggers/export/by-query/csv", views.ExportView.as_view(), name="triggers-export"),
    path("triggers/backfill/create", views.BackfillCreateView.as_view()),
    path("triggers/backfill/delete", views.single_view(actions.delete_backfill)),
    path("triggers/backfill/delete/by-triggers", views.by_triggers_view(actions.delete_backfill)),
    path("triggers/backfill/delete/by-query", views.by_query_view(actions.delete_backfill)),
    path("triggers/backfill/pause", views.single_view(actions.set_backfill_paused, True)),
    path("triggers/backfill/pause/by-triggers", views.by_triggers_view(actions.set_backfill_paused, True)),
    path("triggers/backfill/pause/by-query", views.by_query_view(actions.set_backfill_paused, True)),
    path("triggers/backfill/unpause", views.single_view(actions.set_backfill_paused, False)),
    path("triggers/backfill/unpause/by-triggers", views.by_triggers_view(actions.set_backfill_paused, False)),
    path("triggers/backfill/unpause/by-query", views.by_query_view(actions.set_backfill_paused, False)),
    path(f"{TRIGGER}/unlock", views.UnlockView.as_view(), name="trigger-unlock"),
    path(f"{TRIGGER}/restart", views.RestartView.as_view(), name="trigger-restart"),
    path(TRIGGER, views.TriggerView.as_view(), name="trigger"),
    path("triggers/<str:namespace>/<str:flow_id>", views.FlowTriggersView.as_view(), name="flow-triggers"),
]
