from ..routing import ui
from . import views

urlpatterns = [
    *ui("logs", views.search, "logs"),
]
