"""Task types registered for these tests only, so the spec's tests do not depend on
which core types exist yet. Their names live under `test.spec`."""
from plugins.api import registry
from plugins.api.properties import Property
from plugins.api.task import ExecutableTask, FlowableTask, RunnableTask


@registry.register
class Echo(RunnableTask):
    type = "test.spec.Echo"
    aliases = ("test.legacy.Echo",)
    properties = (
        Property("format", required=True),
        Property("message", aliases=("msg",)),
        Property("count", "integer"),
        Property("ratio", "number"),
        Property("flag", "boolean", dynamic=False),
        Property("wait", "duration"),
        Property("level", "enum", values=("LOW", "HIGH")),
        Property("options", "object"),
        Property("numbers", "array", items="integer"),
        Property("anything", "any"),
    )


@registry.register
class Group(FlowableTask):
    type = "test.spec.Group"
    properties = (Property("tasks", "tasks", required=True, dynamic=False),)


@registry.register
class Branches(FlowableTask):
    """Children under `cases.<name>`, like Switch."""

    type = "test.spec.Branches"
    properties = (Property("value", required=True), Property("cases", "object", dynamic=False))

    @classmethod
    def nested_task_lists(cls, spec):
        lists = super().nested_task_lists(spec)
        cases = spec.get("cases")
        for name, tasks in (cases.items() if isinstance(cases, dict) else ()):
            if isinstance(tasks, list):
                lists[f"cases.{name}"] = tasks
        return lists


@registry.register
class Range(RunnableTask):
    """A type with its own check beyond declared properties."""

    type = "test.spec.Range"
    properties = (Property("low", "integer", required=True), Property("high", "integer", required=True))

    @classmethod
    def check(cls, spec):
        if int(spec["low"]) > int(spec["high"]):
            return [("low", "must not be above high")]
        return []


@registry.register
class Launch(ExecutableTask):
    """Starts another flow, like Subflow."""

    type = "test.spec.Launch"
    calls_flows = True
    properties = (Property("namespace", required=True), Property("flowId", required=True))


@registry.register
class HttpGet(RunnableTask):
    type = "test.spec.http.Get"
    properties = (Property("uri", required=True), Property("headers", "object"))


@registry.register
class HttpPost(RunnableTask):
    type = "test.spec.http.Post"
    properties = (Property("uri", required=True), Property("body"), Property("headers", "object"),
                  Property("tags", "array"))
