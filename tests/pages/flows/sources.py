"""Flow texts the Flows pages' tests save and edit."""


def flow_yaml(flow_id: str = "hello_world", namespace: str = "company.team", message: str = "Hello World",
              extra: str = "") -> str:
    return (f"id: {flow_id}\nnamespace: {namespace}\n{extra}\ntasks:\n"
            f"  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: {message}\n")


def saved_flow(flow_id: str = "hello_world", namespace: str = "company.team", **kwargs):
    from flows.services import save_flow

    return save_flow(flow_yaml(flow_id, namespace, **kwargs))[0]
