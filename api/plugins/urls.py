"""Plugin routes (`/api/v1/plugins/...`, no tenant); literal ones before `{cls}`."""
from django.urls import path

from . import views

urlpatterns = [
    path("plugins", views.PluginsView.as_view(), name="plugins"),
    path("plugins/groups/subgroups", views.SubgroupsView.as_view(), name="plugins-subgroups"),
    path("plugins/icons", views.IconsView.as_view(), name="plugins-icons"),
    path("plugins/icons/groups", views.GroupIconsView.as_view(), name="plugins-group-icons"),
    path("plugins/icons/<str:cls_name>", views.IconView.as_view(), name="plugin-icon"),
    path("plugins/icons/<str:cls_name>/icon.svg", views.IconSvgView.as_view(), name="plugin-icon-svg"),
    path("plugins/inputs", views.InputTypesView.as_view(), name="plugins-inputs"),
    path("plugins/inputs/<str:input_type>", views.InputTypeView.as_view(), name="plugins-input"),
    path("plugins/schemas/<str:schema_type>", views.SchemaView.as_view(), name="plugins-schema"),
    path("plugins/properties/<str:schema_type>", views.PropertiesView.as_view(), name="plugins-properties"),
    path("plugins/triggers", views.TriggersView.as_view(), name="plugins-triggers"),
    path("plugins/<str:cls_name>/versions", views.VersionsView.as_view(), name="plugin-versions"),
    path("plugins/<str:cls_name>", views.DocumentationView.as_view(), name="plugin"),
]
