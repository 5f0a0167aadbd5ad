"""The brokers a cluster test runs on: the ORM broker always, Redis where a server answers."""
import pytest

from tests.cluster.cluster_process import Broker, redis_answers


@pytest.fixture(params=["orm", "redis"])
def broker(request):
    if request.param == "redis" and not redis_answers():
        pytest.skip("no Redis server answers on 127.0.0.1:6379")
    chosen = Broker(request.param)
    chosen.flush()
    yield chosen
    chosen.flush(keep_claim=False)


@pytest.fixture
def orm_broker():
    return Broker("orm")
