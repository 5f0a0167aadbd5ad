from django.urls import path

from . import views

urlpatterns = [
    path("me", views.MeView.as_view(), name="me"),
    path("me/api-tokens", views.ApiTokensView.as_view(), name="me-api-tokens"),
    path("me/api-tokens/<int:token_id>", views.ApiTokenView.as_view(), name="me-api-token"),
]
