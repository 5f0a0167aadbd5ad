"""Kestra's io.kestra.plugin.core.namespace tasks: files moved between an execution and
a namespace's files (UploadFiles, DownloadFiles), and namespace files deleted (DeleteFiles)."""
