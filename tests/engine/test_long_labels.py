"""A label of any length is kept whole on its execution and found by a search for it,
on SQLite and PostgreSQL: its search row holds a cut of it that fits PostgreSQL's index
entry limit (2,704 bytes; 1,100 CJK characters are 3,300)."""
import random

import pytest

from api.executions.search_fields import labels_q
from api.filters import Condition
from executions.models import Execution, ExecutionLabel

pytestmark = pytest.mark.django_db

RANDOM = random.Random(7)  # CJK characters at random: PostgreSQL cannot compress them into the limit
LONG_VALUE = "".join(chr(RANDOM.randrange(0x4E00, 0x9FFF)) for _ in range(1100))
LONG_KEY = "".join(chr(RANDOM.randrange(0x4E00, 0x9FFF)) for _ in range(300))


def test_a_long_multibyte_label_is_stored_whole_and_found():
    labels = [{"key": LONG_KEY, "value": LONG_VALUE}, {"key": "env", "value": LONG_VALUE}]
    Execution.objects.create(id="long", namespace="company", flow_id="f", flow_revision=1, labels=labels)
    Execution.objects.create(id="other", namespace="company", flow_id="f", flow_revision=1,
                             labels=[{"key": "env", "value": "x" + LONG_VALUE[1:]}])
    assert Execution.objects.get(id="long").labels == labels
    assert ExecutionLabel.objects.filter(execution_id="long").count() == 2

    def found(key, value, op="EQUALS"):
        matching = Execution.objects.filter(labels_q(Condition("labels", op, value, key)))
        return sorted(matching.values_list("id", flat=True))

    assert found("env", LONG_VALUE) == ["long"]
    assert found(LONG_KEY, LONG_VALUE) == ["long"]
    assert found("env", LONG_VALUE, "NOT_EQUALS") == ["other"]
