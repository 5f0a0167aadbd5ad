from ..routing import ui
from . import views

TEMPLATE = "templates/edit/<str:namespace>/<str:template_id>"

urlpatterns = [
    *ui("templates", views.template_list, "templates"),
    *ui("templates/new", views.new_template, "template-new"),
    *ui(TEMPLATE, views.edit_template, "template"),
    *ui(f"{TEMPLATE}/delete", views.delete_template, "template-delete"),
]
