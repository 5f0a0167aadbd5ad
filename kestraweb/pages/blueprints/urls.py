from ..routing import ui
from . import views

urlpatterns = [
    *ui("blueprints", views.blueprint_list, "blueprints"),
    *ui("blueprints/<str:blueprint_id>", views.blueprint_detail, "blueprint"),
]
