from ..routing import ui
from . import views

urlpatterns = [
    *ui("", views.dashboard, "home"),
    *ui("dashboard", views.dashboard, "dashboard"),
]
