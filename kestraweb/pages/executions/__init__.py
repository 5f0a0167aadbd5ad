"""The Executions section: the list (filters, pages, bulk actions) and one execution's
tabs (Gantt, Overview, Logs, Outputs) with its actions. Everything goes through the
services the API uses: its search field map, executions.services.actions, the log
queries and storage.execution_files."""
