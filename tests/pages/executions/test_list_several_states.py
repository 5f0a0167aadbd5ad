"""Several states chosen: the page is read state by state and merged (by_states.py);
the rows, their order (newest first, then id) and the pages are those of one query."""
import pytest

from executions.models import Execution

from .conftest import execution

pytestmark = pytest.mark.django_db


def test_several_states_page_as_one_query_would(admin_client):
    states = ["SUCCESS", "FAILED", "RUNNING", "KILLED"]
    for i in range(40):
        execution(f"s{i:02d}", state=states[i % 4], minutes=i // 2)  # two rows per start date: the id decides
    chosen = ["FAILED", "SUCCESS", "KILLED"]
    expected = list(Execution.objects.filter(state__in=chosen).order_by("-start_date", "id")
                    .values_list("pk", flat=True))
    shown = []
    for number in (1, 2, 3):
        response = admin_client.get("/ui/executions", {"state": chosen, "size": 12, "page": number})
        shown += [e.id for e in response.context["executions"]]
    assert shown == expected and len(shown) == 30
    assert "30 in all" in response.content.decode()
    assert [e.id for e in admin_client.get("/ui/executions", {"state": "FAILED,KILLED", "namespace": "company",
                                                              "size": 5}).context["executions"]] \
        == [pk for pk in expected if Execution.objects.get(pk=pk).state != "SUCCESS"][:5]
