"""The UI: server-rendered pages at Kestra's `/ui/...` paths, one package per section
(shell, home, flows, executions, logs, ...), each with its views and urls; templates in
`templates/<section>/`. Pages call the services the API calls (flows.services,
executions.operations, the API's query helpers), never the engine's internals."""
