from ..routing import ui
from . import files, kv, views

EDIT = "namespaces/edit/<str:namespace>"

urlpatterns = [
    *ui("namespaces", views.namespace_list, "namespaces"),
    *ui(EDIT, views.overview, "namespace"),
    *ui(f"{EDIT}/overview", views.overview, "namespace-overview"),
    *ui(f"{EDIT}/kv", kv.kv_tab, "namespace-kv"),
    *ui(f"{EDIT}/kv/save", kv.save_key, "namespace-kv-save"),
    *ui(f"{EDIT}/kv/delete", kv.delete_key, "namespace-kv-delete"),
    *ui(f"{EDIT}/files", files.files_tab, "namespace-files"),
    *ui(f"{EDIT}/files/edit", files.edit_file, "namespace-file-edit"),
    *ui(f"{EDIT}/files/download", files.download_file, "namespace-file-download"),
    *ui(f"{EDIT}/files/upload", files.upload_file, "namespace-file-upload"),
    *ui(f"{EDIT}/files/save", files.save_file, "namespace-file-save"),
    *ui(f"{EDIT}/files/delete", files.delete_file, "namespace-file-delete"),
]
