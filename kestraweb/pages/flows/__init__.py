"""The Flows section: the list with its namespace tree, the editor (create, edit, live
validation, completion), a flow's overview and its revisions."""
