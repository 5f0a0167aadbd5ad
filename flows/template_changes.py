"""Kestra's templates (deprecated in Kestra, served at `/api/v1/templates` as 0.x did):
created, replaced and deleted as TemplateController does, validated as flows are (a
template has a flow's shape: id, namespace, description, tasks, errors). A refusal
raises flows.spec.FlowInvalid naming the field and changes nothing."""
from __future__ import annotations

from django.db import transaction

from flows.models import Template
from flows.renames import TEMPLATE_NAMES, renamed
from flows.services import save_template
from flows.spec import FlowInvalid, SpecError, parse_flow
from flows.spec.yaml_lines import line_of, load

TEMPLATE_KEYS = ("id", "namespace", "description", "tasks", "errors")


def _at(source: str, key: str, message: str) -> FlowInvalid:
    return FlowInvalid([SpecError(key, message, line_of(load(source), key))])


def check_template(source: str):
    """The parsed template; FlowInvalid when it is not a valid template (a flow's
    other keys, triggers or inputs, have no place in one)."""
    spec = parse_flow(source)
    extra = [key for key in load(source) if key not in TEMPLATE_KEYS]
    if extra:
        raise FlowInvalid([SpecError(key, f"unknown property '{key}' of a template; known: "
                                     f"{', '.join(TEMPLATE_KEYS)}", line_of(load(source), key)) for key in extra])
    return spec


@transaction.atomic
def create_template(source: str) -> Template:
    spec = check_template(source)
    if Template.objects.select_for_update().filter(namespace=spec.namespace, template_id=spec.id).exists():
        raise _at(source, "id", f"Template id already exists: {spec.namespace}.{spec.id}")
    return save_template(source)


@transaction.atomic
def update_template(template: Template, source: str) -> Template:
    check_template(source)
    problems = renamed(source, template.namespace, template.template_id, TEMPLATE_NAMES)
    if problems:
        raise FlowInvalid(problems)
    return save_template(source)


@transaction.atomic
def replace_namespace(namespace: str, sources: list[str], delete: bool) -> tuple[list[Template], list[Template]]:
    """(saved, deleted): the namespace's templates become `sources`, all or nothing."""
    specs, errors = [], []
    for index, source in enumerate(sources):
        try:
            spec = check_template(source)
        except FlowInvalid as exc:
            errors += [SpecError(f"templates[{index}]" + (f".{e.path}" if e.path else ""), e.message, e.line)
                       for e in exc.errors]
            continue
        if spec.namespace != namespace:
            errors.append(SpecError(f"templates[{index}].namespace",
                                    f"Template namespace is invalid: '{spec.namespace}' is not '{namespace}'"))
        if spec.id in {s.id for s in specs}:
            errors.append(SpecError(f"templates[{index}].id", f"Duplicate template id {spec.id}"))
        specs.append(spec)
    if errors:
        raise FlowInvalid(errors)
    deleted = []
    if delete:
        deleted = list(Template.objects.filter(namespace=namespace).exclude(template_id__in=[s.id for s in specs]))
        Template.objects.filter(pk__in=[t.pk for t in deleted]).delete()
    return [save_template(spec.source) for spec in specs], deleted


def checked_templates(sources: list[str]) -> list:
    """The parsed templates of an import, or FlowInvalid naming each bad one by index."""
    specs, errors = [], []
    for index, source in enumerate(sources):
        try:
            specs.append(check_template(source))
        except FlowInvalid as exc:
            errors += [SpecError(f"templates[{index}]" + (f".{e.path}" if e.path else ""), e.message, e.line)
                       for e in exc.errors]
    if errors:
        raise FlowInvalid(errors)
    return specs


@transaction.atomic
def import_templates(specs: list) -> list[Template]:
    """Kestra's TemplateController#importTemplates: each template created, or updated
    when it exists; all or nothing."""
    return [save_template(spec.source) for spec in specs]
