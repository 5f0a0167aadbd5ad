"""The scheduler (Kestra's scheduler module): fires the triggers that no request and no
execution fires, that is the time-based ones (Schedule, ScheduleOnDates) and the
polling ones, from the state each trigger keeps in TriggerState; and the Flow triggers
an ended execution fires, evaluated on the cluster.

- `tick.run_tick`: one bounded round of the scheduler loop (`manage.py scheduler`).
- `timetables`: the dates of a Schedule or ScheduleOnDates trigger, from the pure
  functions of its plugin module.
- `firing`: starting one execution for a trigger and moving its state on, in one
  transaction, so two schedulers never fire one date twice.
- `flow_triggers.on_execution_end`: the engine's one call when an execution ends.
"""
