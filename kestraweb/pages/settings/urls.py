from ..routing import ui
from . import views

urlpatterns = [
    *ui("settings", views.settings_page, "settings"),
    *ui("settings/tokens", views.create_api_token, "settings-create-token"),
    *ui("settings/tokens/<int:token_id>/revoke", views.revoke_api_token, "settings-revoke-token"),
]
