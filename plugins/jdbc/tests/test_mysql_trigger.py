"""The MySQL and MariaDB Triggers against this machine's MariaDB, as Kestra's
MySqlTriggerTest and MysqlTest expect: TIME as a LocalTime, DATETIME as a
LocalDateTime, TIMESTAMP as an Instant."""
import uuid

import pytest

from plugins.conftest import require_server
from plugins.jdbc.mysql import MariadbTrigger, Trigger


@pytest.fixture
def table():
    require_server("127.0.0.1", 3306, "MariaDB")
    import pymysql
    name = f"kw_trigger_{uuid.uuid4().hex[:8]}"
    conn = pymysql.connect(host="127.0.0.1", user="root", password="", database="test", autocommit=True)
    with conn.cursor() as cur:
        cur.execute(f"""CREATE TABLE {name} (id INT, label VARCHAR(10), price DECIMAL(8, 2), day DATE,
                        at_time TIME, moment DATETIME(3), stamp TIMESTAMP NULL, big BIGINT UNSIGNED)""")
        cur.execute(f"""INSERT INTO {name} VALUES (1, 'one', 12.50, '2030-12-25', '04:05:30',
                        '2004-10-19 10:23:54.250', '2004-10-19 10:23:54', 18446744073709551615)""")
    yield name
    with conn.cursor() as cur:
        cur.execute(f"DROP TABLE {name}")
    conn.close()


@pytest.mark.parametrize("trigger_type, scheme", [(Trigger, "mysql"), (MariadbTrigger, "mariadb")])
def test_a_row_comes_back_with_kestras_types(table, trigger_ctx, trigger_type, scheme):
    watch = trigger_type({"id": "watch", "type": trigger_type.type, "url": f"jdbc:{scheme}://127.0.0.1:3306/test",
                          "username": "root", "sql": f"SELECT * FROM {table}", "fetchType": "FETCH_ONE"})
    event = watch.poll(trigger_ctx())
    assert event.variables == {"size": 1, "row": {
        "id": 1, "label": "one", "price": 12.5, "day": "2030-12-25", "at_time": "04:05:30",
        "moment": "2004-10-19T10:23:54.25", "stamp": "2004-10-19T10:23:54Z", "big": "18446744073709551615"}}


def test_a_wrong_scheme_is_refused_by_name(trigger_ctx):
    from plugins.api.trigger_events import TriggerFailed
    watch = Trigger({"id": "watch", "type": Trigger.type, "url": "jdbc:postgresql://127.0.0.1/test",
                     "sql": "SELECT 1"})
    with pytest.raises(TriggerFailed, match="URL should start with `jdbc:mysql`"):
        watch.poll(trigger_ctx())
