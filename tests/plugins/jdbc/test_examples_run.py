"""Every JDBC type's examples are real flows: each is saved (so validated) and, unless
it needs something this machine lacks (a Snowflake account), run to SUCCESS against
the local PostgreSQL and MariaDB."""
import uuid

import pytest

from plugins.api.registry import all_types
from plugins.conftest import require_server
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

SERVERS = {"postgresql": ("127.0.0.1", 5432, "PostgreSQL"), "mysql": ("127.0.0.1", 3306, "MariaDB"),
           "mariadb": ("127.0.0.1", 3306, "MariaDB")}


def jdbc_examples():
    seen = set()
    for kind in ("task", "trigger"):
        for name, cls in sorted(all_types(kind).items()):
            if not name.startswith("io.kestra.plugin.jdbc.") or cls.type != name:
                continue
            for index, example in enumerate(cls.examples):
                if example.code not in seen:
                    seen.add(example.code)
                    yield pytest.param(name, example, id=f"{name.rsplit('.', 2)[-2]}.{name.rsplit('.', 1)[-1]}-{index}")


@pytest.mark.parametrize(("name", "example"), list(jdbc_examples()))
def test_the_example_validates_and_runs(name, example):
    source = example.code.replace("id: ", f"id: ex_{uuid.uuid4().hex[:6]}_", 1)
    if "snowflake" in example.services:
        save(source)
        return
    database = name.split(".")[4]
    if database in SERVERS:
        require_server(*SERVERS[database])
    run = run_flow(source)
    assert run.state == "SUCCESS", run.logs()
