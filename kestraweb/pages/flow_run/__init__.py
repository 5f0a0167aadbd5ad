"""A flow's Execute page (Kestra's Execute button) and its Triggers tab: a form of the
flow's typed inputs that starts an execution through executions.services.launch, the
way the API's create does; the triggers' states with their actions and backfills.

The inputs form (inputs_form.InputsForm + templates/flow_run/_inputs.html) takes any
list of declared inputs, so a paused execution's Resume form (a Pause task's
`onResume` inputs) draws its fields with it too."""
