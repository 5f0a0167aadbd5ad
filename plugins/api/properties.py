"""Declared properties of a task type: one declaration gives validation, docs and schema."""
from dataclasses import dataclass, field
from typing import Any

from .log_levels import LOG_LEVELS

# Property kinds. "tasks" is a list of task definitions (flowables), "task" a single one.
KINDS = (
    "string", "integer", "number", "boolean", "duration", "object", "array", "any",
    "tasks", "task", "enum",
)


@dataclass(frozen=True)
class Property:
    name: str
    kind: str = "string"
    required: bool = False
    default: Any = None
    description: str = ""
    # Dynamic properties may hold Pebble expressions, rendered at run time; a value with
    # an expression is not type-checked at validation time.
    dynamic: bool = True
    # Older property names Kestra still accepts (e.g. `fetchOne` for `fetchType`).
    aliases: tuple[Any, ...] = ()
    values: tuple[Any, ...] = ()  # allowed values when kind == "enum"
    items: str | None = None  # item kind of an array, when checked; "input": input declarations
    minimum: int | None = None  # least value of an integer or a number (Kestra's @Min, @PositiveOrZero)
    # The properties of an object whose keys are known (LoopUntil's checkFrequency): any
    # other key is refused when the flow is saved, as Kestra refuses unknown properties.
    # Empty: a free map (Subflow inputs, Switch cases).
    fields: tuple[Any, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown property kind {self.kind!r} for {self.name}")


# Kestra's WorkerGroup, of a task, a trigger or a flow.
WORKER_GROUP_FIELDS = (
    Property("key", description="The worker group's key."),
    Property("fallback", "enum", values=("FAIL", "WAIT", "CANCEL"), dynamic=False,
             description="What to do when no worker of the group is there."),
)
WORKER_GROUP = Property("workerGroup", "object", dynamic=False, fields=WORKER_GROUP_FIELDS,
                        description="The group of workers that runs it.")

# Properties every task accepts, whatever its type (Kestra's AbstractTask).
COMMON_TASK_PROPERTIES = (
    Property("id", required=True, dynamic=False, description="Unique id of the task in the flow."),
    Property("type", required=True, dynamic=False, description="The task's type (class name)."),
    Property("description", description="Free text shown in the UI."),
    Property("retry", "object", dynamic=False, description="Retry policy: type constant, exponential or random."),
    Property("timeout", "duration", description="Maximum duration of one attempt (ISO-8601, e.g. PT5M)."),
    Property("disabled", "boolean", default=False, dynamic=False, description="A disabled task is not run."),
    Property("allowFailure", "boolean", default=False, dynamic=False,
             description="A failure of this task ends it WARNING and the flow goes on."),
    Property("allowWarning", "boolean", default=False, dynamic=False,
             description="A WARNING of this task counts as SUCCESS."),
    Property("runIf", "string", description="Expression; when it renders false the task is SKIPPED."),
    Property("logLevel", "enum", values=LOG_LEVELS, dynamic=False,
             description="Minimum level of the logs kept for this task."),
    Property("logToFile", "boolean", default=False, dynamic=False),
    WORKER_GROUP,
)


LOG_LEVEL = Property("logLevel", "enum", values=LOG_LEVELS, dynamic=False,
                     description="Minimum level of the logs kept.")

# A list of conditions (each a map with a condition `type`), validated by their types.
CONDITIONS = Property("conditions", "array", items="condition", dynamic=False,
                      description="Conditions that must all hold for the trigger to start an execution.")

# Properties every trigger accepts, whatever its type (Kestra's AbstractTrigger).
COMMON_TRIGGER_PROPERTIES = (
    Property("id", required=True, dynamic=False, description="Unique id of the trigger in the flow."),
    Property("type", required=True, dynamic=False, description="The trigger's type (class name)."),
    Property("description", description="Free text shown in the UI."),
    CONDITIONS,
    Property("disabled", "boolean", default=False, dynamic=False, description="A disabled trigger never fires."),
    WORKER_GROUP,
    LOG_LEVEL,
    Property("minLogLevel", "enum", values=LOG_LEVEL.values, dynamic=False,
             description="Deprecated name of logLevel."),
    Property("labels", "any", dynamic=False,
             description="Labels of the executions it starts: a map, or a list of {key, value}."),
    Property("stopAfter", "array", items="state", dynamic=False,
             description="Execution states after which the trigger disables itself."),
    Property("logToFile", "boolean", default=False, dynamic=False),
)

# Properties every condition accepts (Kestra's Condition).
COMMON_CONDITION_PROPERTIES = (
    Property("type", required=True, dynamic=False, description="The condition's type (class name)."),
)


# Properties of every flowable: its local error and finally branches.
FLOWABLE_PROPERTIES = (
    Property("errors", "tasks", dynamic=False, description="Tasks run when a child fails."),
    Property("finally", "tasks", dynamic=False, description="Tasks run after the children, whatever their state."),
)


@dataclass(frozen=True)
class Output:
    name: str
    kind: str = "string"
    description: str = ""


def props(*items: Property) -> dict[str, Property]:
    """Index declared properties by name."""
    return {p.name: p for p in items}


@dataclass
class Example:
    title: str
    code: str
    full: bool = False  # a whole flow rather than a task snippet
    extra: dict[str, Any] = field(default_factory=dict)
