"""Namespaces: the list of those the user may see, and one namespace's pages (overview,
its KV store, its files) on the services the API's kv and files routes use
(executions.kv_store.NamespaceKV, storage.namespace_file_tree.NamespaceFileTree)."""
