"""A namespace's files tab: folders to browse, files to view and edit as text, upload
and delete for who may write there, on the tree the API's files routes use."""
from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from storage.namespace_file_tree import NamespaceFileTree, clean
from storage.namespace_files import BadNamespaceFilePath, NamespaceFileNotFound

from ..access import page
from .file_language import BY_EXTENSION, language_of
from .scope import readable, writable


def _tab(namespace: str, folder: str = "", **query) -> str:
    params = {"path": folder, **query} if folder or query else {}
    url = reverse("namespace-files", kwargs={"namespace": namespace})
    return f"{url}?{urlencode(params)}" if params else url


def _breadcrumb(folder: str) -> list[tuple[str, str]]:
    """(name, path) of each folder from the root down to `folder`."""
    parts = [part for part in folder.split("/") if part]
    return [(part, "/".join(parts[:depth + 1])) for depth, part in enumerate(parts)]


def _moment(milliseconds: int) -> datetime:
    return datetime.fromtimestamp(milliseconds / 1000, tz=UTC)


def _parent(path: str) -> str:
    return clean(path).rpartition("/")[0]


@page
def files_tab(request, namespace: str):
    context = readable(request, namespace)
    folder = _clean_or_404(request.GET.get("path", ""))
    try:
        children = NamespaceFileTree(namespace).children(folder)
    except NamespaceFileNotFound:
        raise Http404(f"no folder {folder!r} in namespace {namespace}") from None
    context.update(tab="files", folder=folder, breadcrumb=_breadcrumb(folder),
                   children=[(child, f"{folder}/{child.file_name}".lstrip("/"), _moment(child.last_modified_ms))
                             for child in children])
    return render(request, "namespaces/files.html", context)


def _clean_or_404(path: str) -> str:
    try:
        return clean(path)
    except BadNamespaceFilePath:
        raise Http404(f"no such path {path!r}") from None


def _read(namespace: str, path: str) -> bytes:
    try:
        return NamespaceFileTree(namespace).read(path)
    except (BadNamespaceFilePath, NamespaceFileNotFound):
        raise Http404(f"no file {path!r} in namespace {namespace}") from None


@page
def edit_file(request, namespace: str):
    """A file's text (editable by writers); a binary or too large file offers its download."""
    context = readable(request, namespace)
    path = _clean_or_404(request.GET.get("path", ""))
    if not path:  # a new file, named in the form
        context.update(tab="files", path="", folder=_clean_or_404(request.GET.get("folder", "")), text="", new=True,
                       language="", languages=BY_EXTENSION)
        return render(request, "namespaces/file.html", context)
    data = _read(namespace, path)
    text = None
    if len(data) <= settings.NAMESPACE_FILE_EDIT_MAX_BYTES:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    context.update(tab="files", path=path, folder=_parent(path), text=text, size=len(data), new=False,
                   breadcrumb=_breadcrumb(path), language=language_of(path), languages=BY_EXTENSION)
    return render(request, "namespaces/file.html", context)


@page
def download_file(request, namespace: str):
    readable(request, namespace)
    path = request.GET.get("path", "")
    response = HttpResponse(_read(namespace, path), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{_clean_or_404(path).rpartition("/")[2]}"'
    return response


def _path(request, raw: str) -> str | None:
    """The path cleaned, or None with why as a message (`..`, the reserved `_flows`, the root)."""
    try:
        path = clean(raw)
    except BadNamespaceFilePath as exc:
        messages.error(request, f"path: {exc}")
        return None
    if not path:
        messages.error(request, "path: name a file")
        return None
    return path


def _change(request, action, done: str) -> bool:
    """Run a change on the tree; a refused path is a message, never a 500."""
    try:
        action()
    except (BadNamespaceFilePath, NamespaceFileNotFound) as exc:
        messages.error(request, str(exc))
        return False
    messages.success(request, done)
    return True


@page
@require_POST
def upload_file(request, namespace: str):
    writable(request, namespace)
    folder = request.POST.get("folder", "").strip("/")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "file: choose a file to upload")
        return redirect(_tab(namespace))
    path = _path(request, f"{folder}/{upload.name}")
    if path is None:
        return redirect(_tab(namespace))
    _change(request, lambda: NamespaceFileTree(namespace).write(path, upload.read()), f"Uploaded /{path}.")
    return redirect(_tab(namespace, _parent(path)))


@page
@require_POST
def save_file(request, namespace: str):
    """Create or replace a text file; the browser's CRLF line ends are stored as LF."""
    writable(request, namespace)
    path = _path(request, request.POST.get("path", ""))
    if path is None:
        return redirect(_tab(namespace))
    text = request.POST.get("content", "").replace("\r\n", "\n")
    if not _change(request, lambda: NamespaceFileTree(namespace).write(path, text.encode("utf-8")), f"Saved /{path}."):
        return redirect(_tab(namespace, _parent(path)))
    url = reverse("namespace-file-edit", kwargs={"namespace": namespace})
    return redirect(f"{url}?{urlencode({'path': path})}")


@page
@require_POST
def delete_file(request, namespace: str):
    """A file, or a folder with all it holds; never the namespace's root."""
    writable(request, namespace)
    path = _path(request, request.POST.get("path", ""))
    if path is None:
        return redirect(_tab(namespace))
    _change(request, lambda: NamespaceFileTree(namespace).delete(path), f"Deleted /{path}.")
    return redirect(_tab(namespace, _parent(path)))
