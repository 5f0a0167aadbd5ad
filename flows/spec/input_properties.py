"""The properties of each input type, declared as plugin properties are
(plugins.api.properties.Property), after Kestra's Input and its subclasses
(StringInput, SelectInput, IntInput...): validation reads the kind of each key from
here (inputs_declared), the flow's JSON schema gives each input type its own object
(flows.flow_schema), and the input types' pages list them.

Validation stays lenient about which type a key belongs to (a key of any input type
is accepted on every type, as this project always did), so flows that load today keep
loading; the JSON schema is per type, as Kestra's editor is."""
from __future__ import annotations

from plugins.api.properties import Property

from .input_types import TYPES

MAX_DISPLAY_NAME = 64

DEPENDS_ON = Property("dependsOn", "object", dynamic=False, description=(
    "Inputs this one is shown after, and the condition on them that shows it."), fields=(
    Property("inputs", "array", items="string", dynamic=False, description="Ids of the inputs it depends on."),
    Property("condition", description="Rendered with those inputs; true shows this input."),
))

# Kestra's Input: what every input type has.
COMMON = (
    Property("id", required=True, dynamic=False, aliases=("name",), description="The input's id (`name` before 0.15)."),
    Property("type", "enum", required=True, dynamic=False, values=TYPES, description="The input's type."),
    Property("description", dynamic=False, description="Shown beside the field."),
    Property("displayName", dynamic=False, max_length=MAX_DISPLAY_NAME, description="The field's label."),
    Property("required", "boolean", default=True, dynamic=False, description="A value must be given."),
    Property("defaults", "any", description="The value when none is given; may be an expression."),
    Property("prefill", "any", description="A value the form starts with, that the user may clear."),
    DEPENDS_ON,
)

VALUES = Property("values", "array", items="string", dynamic=False, description="The values to choose from.")
ITEM_TYPE = Property("itemType", "enum", dynamic=False, values=TYPES, description="The type of each item.")
EXPRESSION = Property("expression", dynamic=False, description="An expression rendering the values to choose from.")
ALLOW_CUSTOM = Property("allowCustomValue", "boolean", default=False, dynamic=False,
                        description="A value outside `values` is accepted.")
AUTO_SELECT = Property("autoSelectFirst", "boolean", default=False, dynamic=False,
                       description="The first value is selected when none is given.")
VALIDATOR = Property("validator", dynamic=False, description="A regular expression the value must match.")
AFTER_BEFORE = (Property("after", dynamic=False, description="The value must be after this one."),
                Property("before", dynamic=False, description="The value must be before this one."))
DATE_FORMAT = Property("dateFormat", dynamic=False, description="How the form shows the value.")

# Each type's own properties (Kestra's subclasses of Input).
OWN = {
    "STRING": (VALIDATOR, Property("minLength", "integer", minimum=0, dynamic=False),
               Property("maxLength", "integer", minimum=0, dynamic=False)),
    "SECRET": (VALIDATOR,),
    "ENUM": (Property("values", "array", items="string", required=True, dynamic=False,
                      description="The values to choose from."),),
    "SELECT": (VALUES, EXPRESSION, ALLOW_CUSTOM, AUTO_SELECT,
               Property("isRadio", "boolean", default=False, dynamic=False, description="Shown as radio buttons.")),
    "MULTISELECT": (VALUES, Property("options", "array", items="string", dynamic=False,
                                     description="Deprecated name of values."),
                    EXPRESSION, ALLOW_CUSTOM, AUTO_SELECT, ITEM_TYPE),
    "INT": (Property("min", "integer", dynamic=False, description="The least value."),
            Property("max", "integer", dynamic=False, description="The greatest value.")),
    "FLOAT": (Property("min", "number", dynamic=False, description="The least value."),
              Property("max", "number", dynamic=False, description="The greatest value.")),
    "DURATION": (Property("min", "duration", dynamic=False, description="The shortest duration."),
                 Property("max", "duration", dynamic=False, description="The longest duration.")),
    "DATETIME": (*AFTER_BEFORE, DATE_FORMAT),
    "DATE": (*AFTER_BEFORE, DATE_FORMAT),
    "TIME": (*AFTER_BEFORE, DATE_FORMAT),
    "FILE": (Property("allowedFileExtensions", "array", items="string", dynamic=False,
                      description="File extensions accepted, like .csv."),
             Property("extension", dynamic=False, description="Deprecated: the extension of the stored file.")),
    "ARRAY": (Property("itemType", "enum", required=True, dynamic=False, values=TYPES,
                       description="The type of each item."),),
}


def input_properties(input_type: str) -> tuple[Property, ...]:
    """The declared properties of one input type (a canonical name, BOOLEAN for BOOL)."""
    return (*COMMON, *OWN.get(input_type, ()))


def every_key() -> set[str]:
    """Every key some input type has, old names included."""
    return {name for input_type in TYPES for prop in input_properties(input_type)
            for name in (prop.name, *prop.aliases)}


def any_type_property(key: str) -> Property | None:
    """The declaration of a key as some input type has it (the first type that does),
    for checking its kind where validation does not know which type it belongs to."""
    for input_type in TYPES:
        for prop in input_properties(input_type):
            if key in (prop.name, *prop.aliases):
                return prop
    return None
