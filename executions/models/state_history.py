"""A state with its history of (state, date) pairs, as Kestra stores it on executions,
taskruns and attempts. The Gantt chart is drawn from these histories."""
from django.db import models
from django.utils import timezone

from executions.states import CHOICES, TERMINAL, State


def iso(dt) -> str:
    return dt.isoformat().replace("+00:00", "Z")


class StateHistory(models.Model):
    state = models.CharField(max_length=16, choices=CHOICES, default=State.CREATED.value, db_index=True)
    state_history = models.JSONField(default=list)
    start_date = models.DateTimeField(null=True, blank=True)
    end_date = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def set_state(self, state, when=None):
        """Move to `state`, recording it in the history (and the end date when terminal)."""
        when = when or timezone.now()
        state = State(state)
        if not self.state_history:
            self.start_date = when
        self.state = state.value
        self.state_history = [*self.state_history, {"state": state.value, "date": iso(when)}]
        self.end_date = when if state in TERMINAL else None

    @property
    def current(self) -> State:
        return State(self.state)

    @property
    def is_terminal(self) -> bool:
        return State(self.state) in TERMINAL
