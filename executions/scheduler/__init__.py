"""The scheduler (Kestra's scheduler module): fires the triggers that no request and no
execution fires, that is the time-based ones (Schedule, ScheduleOnDates), the polling
ones (`poll`) and the realtime ones (`listen`), from the state each trigger keeps in
TriggerState; and the Flow triggers an execution's state change fires, evaluated on the cluster.

- `tick.run_tick`: one bounded round of the scheduler loop (`manage.py scheduler`).
- `timetables`: the dates of a Schedule or ScheduleOnDates trigger, from the pure
  functions of its plugin module.
- `firing`: starting one execution for a trigger and moving its state on, in one
  transaction, so two schedulers never fire one date twice.
- `polling`, `realtime`: any trigger type with `poll(ctx)` or `listen(ctx)`.
- `hook.on_execution_state`: the engine's one call when an execution changes state,
  which queues `flow_triggers.evaluate_transition` on the cluster when some Flow
  trigger listens to that state (`flow_listeners`).
"""
