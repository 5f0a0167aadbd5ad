from ..routing import ui
from . import views

urlpatterns = [
    *ui("docs", views.index, "docs"),
    *ui("docs/plugins", views.plugin_list, "docs-plugins"),
    *ui("docs/plugins/<str:type_name>", views.plugin_type, "docs-plugin"),
    *ui("plugins/<str:type_name>", views.kestra_plugin_path, "docs-plugin-kestra-path"),
    *ui("docs/<slug:slug>", views.guide, "docs-guide"),
]
