"""Declared properties of a plugin type: one declaration gives validation (flows.spec),
the JSON schema (json_schema), the documentation page (docs) and the typed value a task
reads at run time (property_values.coerce, through `ctx.render_property`), as Kestra's
`Property<T>` does.

A declaration may nest: an object's `fields`, a list whose `items` is itself a
declaration (a list of objects), a `one_of` of alternatives (a string or a list; a
retry whose `type` picks constant, exponential or random), and bounds (`minimum`,
`maximum`, `min_items`, `max_items`, `min_length`, `max_length`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .log_levels import LOG_LEVELS

# Property kinds. "tasks" is a list of task definitions (flowables), "task" a single one;
# "one_of": the value is one of the declarations in `one_of`.
KINDS = (
    "string", "integer", "number", "boolean", "duration", "object", "array", "any",
    "tasks", "task", "enum", "one_of",
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
    aliases: tuple[str, ...] = ()
    values: tuple[Any, ...] = ()  # allowed values when kind == "enum"
    # What an array holds: a kind name ("string"...; "input", "condition", "task", "trigger"
    # and "state" for what flows.spec checks on its own), or a whole declaration (a list
    # of objects: `items=Property("header", "object", fields=...)`).
    items: str | Property | None = None
    minimum: float | None = None  # least value of an integer or a number (Kestra's @Min, @PositiveOrZero)
    maximum: float | None = None  # greatest value of an integer or a number (Kestra's @Max)
    min_items: int | None = None  # fewest items of an array (Kestra's @Size(min), @NotEmpty)
    max_items: int | None = None
    min_length: int | None = None  # fewest characters of a string (Kestra's @NotBlank is 1)
    max_length: int | None = None
    # The properties of an object whose keys are known (LoopUntil's checkFrequency): any
    # other key is refused when the flow is saved, as Kestra refuses unknown properties.
    # Empty: a free map (Subflow inputs, Switch cases). On an array: the fields of each
    # map it holds (older spelling of `items=Property(..., "object", fields=...)`).
    fields: tuple[Property, ...] = ()
    # kind "one_of": the alternatives. With a `discriminator`, the value is a map whose
    # key of that name picks the alternative by its `name` (retry's `type: constant`);
    # without one, the first alternative the value reads as wins (a string or a list).
    one_of: tuple[Property, ...] = ()
    discriminator: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown property kind {self.kind!r} for {self.name}")
        if self.kind == "one_of" and not self.one_of:
            raise ValueError(f"property {self.name} of kind one_of declares no alternatives")

    def item(self) -> Property | None:
        """The declaration of each item of an array, when it has one."""
        if isinstance(self.items, Property):
            return self.items
        if self.fields:
            return Property(self.name, "object", fields=self.fields, dynamic=self.dynamic)
        return None

    def alternative(self, tag: Any) -> Property | None:
        """The alternative a discriminator value names (case-insensitive, as Kestra's
        retry types are)."""
        wanted = str(tag).lower()
        return next((option for option in self.one_of if option.name.lower() == wanted), None)


def string_or_list(name: str, description: str = "", dynamic: bool = True, **more: Any) -> Property:
    """One text or a list of them (Kestra's `Object` properties read as either: a Log's
    message, glob patterns)."""
    return Property(name, "one_of", description=description, dynamic=dynamic, **more, one_of=(
        Property(name, "string", dynamic=dynamic), Property(name, "array", items="string", dynamic=dynamic)))


# One label written the list way.
LABEL = Property("label", "object", dynamic=False, fields=(
    Property("key", required=True, dynamic=False), Property("value", required=True)))


def labels_property(description: str, dynamic: bool = True, **more: Any) -> Property:
    """Labels as Kestra takes them: a map of key to value, or a list of {key, value}."""
    return Property("labels", "one_of", description=description, dynamic=dynamic, **more, one_of=(
        Property("labels", "object", dynamic=dynamic), Property("labels", "array", dynamic=dynamic, items=LABEL)))


# Kestra's WorkerGroup, of a task, a trigger or a flow.
WORKER_GROUP_FIELDS = (
    Property("key", description="The worker group's key."),
    Property("fallback", "enum", values=("FAIL", "WAIT", "CANCEL"), dynamic=False,
             description="What to do when no worker of the group is there."),
)
WORKER_GROUP = Property("workerGroup", "object", dynamic=False, fields=WORKER_GROUP_FIELDS,
                        description="The group of workers that runs it.")

# Kestra's AbstractRetry and its kinds, picked by `type` (a task's or a flow's `retry`).
# Intervals below maxDuration and maxInterval are checked beside (flows.spec.retry).
RETRY_COMMON = (
    Property("maxAttempt", "integer", minimum=1, dynamic=False, aliases=("maxAttempts",),
             description="Attempts at most, the first one included."),
    Property("maxDuration", "duration", dynamic=False, description="Time at most from the first attempt."),
    Property("warningOnRetry", "boolean", default=False, dynamic=False,
             description="A task that succeeded after a retry ends WARNING."),
    Property("behavior", "enum", values=("RETRY_FAILED_TASK", "CREATE_NEW_EXECUTION"), default="RETRY_FAILED_TASK",
             dynamic=False, description="Retry the failed task, or start a new execution of the flow."),
)
RETRY = Property("retry", "one_of", dynamic=False, discriminator="type", description=(
    "Retry policy: `constant` waits `interval` between attempts, `exponential` multiplies it by "
    "`delayFactor` up to `maxInterval`, `random` waits between `minInterval` and `maxInterval`."), one_of=(
    Property("constant", "object", description="The same wait between attempts.", fields=(
        Property("interval", "duration", required=True, dynamic=False, description="Wait between attempts."),
        *RETRY_COMMON)),
    Property("exponential", "object", description="A wait that grows with each attempt.", fields=(
        Property("interval", "duration", required=True, dynamic=False, description="The first wait."),
        Property("maxInterval", "duration", required=True, dynamic=False, description="The longest wait."),
        Property("delayFactor", "number", dynamic=False, description="What each wait is multiplied by."),
        *RETRY_COMMON)),
    Property("random", "object", description="A random wait between two bounds.", fields=(
        Property("minInterval", "duration", required=True, dynamic=False, description="The shortest wait."),
        Property("maxInterval", "duration", required=True, dynamic=False, description="The longest wait."),
        *RETRY_COMMON)),
))

# Properties every task accepts, whatever its type (Kestra's AbstractTask).
COMMON_TASK_PROPERTIES = (
    Property("id", required=True, dynamic=False, description="Unique id of the task in the flow."),
    Property("type", required=True, dynamic=False, description="The task's type (class name)."),
    Property("description", description="Free text shown in the UI."),
    RETRY,
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
    labels_property("Labels of the executions it starts: a map, or a list of {key, value}.", dynamic=False),
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
    """A real use of a type, shown on its page and loaded, validated and run by
    tests/plugins/test_type_examples.py: a task (or trigger) snippet is wrapped into a
    flow, a `full` one is a whole flow. `services` names what it needs from outside
    ("postgres", "mariadb", "redis", "rabbitmq", "mqtt", "nats", "http", "docker",
    "snowflake"...): such an example is validated but not run by that test. `inputs`
    are the values it runs with there, as a user gives them (a FILE input's value is
    the text of the file to upload)."""
    title: str
    code: str
    full: bool = False  # a whole flow rather than a task snippet
    extra: dict[str, Any] = field(default_factory=dict)
    services: tuple[str, ...] = ()
    inputs: dict[str, Any] = field(default_factory=dict)
