"""MQTT Triggers against this machine's Mosquitto, with Kestra's outputs (Subscribe's
`uri`/`messagesCount`, RealtimeTrigger.Output); a QoS 1 message not acknowledged by
the time the connection ends comes again on the next one."""
import threading
import uuid

import pytest

from plugins.conftest import read_stored, require_server
from plugins.mqtt.triggers import RealtimeTrigger, Trigger


@pytest.fixture(params=["V5", "V3"])
def broker(request):
    require_server("127.0.0.1", 1883, "Mosquitto")
    import paho.mqtt.client as mqtt
    publisher = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    publisher.connect("127.0.0.1", 1883)
    publisher.loop_start()
    topic = f"kw-test/{uuid.uuid4().hex[:8]}"

    def publish(*payloads):
        for payload in payloads:
            publisher.publish(topic, payload, qos=1).wait_for_publish(10)

    yield request.param, topic, publish
    publisher.disconnect()
    publisher.loop_stop()


def spec(type_, version, topic, **props):
    return {"id": "watch", "type": type_.type, "server": "tcp://127.0.0.1:1883", "mqttVersion": version,
            "clientId": f"kw-{uuid.uuid4().hex[:8]}", "topic": [topic], **props}


def test_a_batch_is_acknowledged_only_with_its_execution(broker, trigger_ctx):
    version, topic, publish = broker
    settings = spec(Trigger, version, topic)
    assert Trigger({**settings, "maxDuration": "PT0.2S"}).poll(trigger_ctx()) is None  # subscribes the session
    publish('{"n": 1}', '{"n": 2}', '{"n": 3}')
    first = Trigger({**settings, "maxRecords": 2}).poll(trigger_ctx())
    assert first.variables["messagesCount"] == 2
    first_line = read_stored(first.variables["uri"]).splitlines()[0]
    assert first_line == f'{{id:1,topic:"{topic}",qos:1,payload:{{n:1}},retain:false}}'
    first.release()  # the execution could not be created: nothing acknowledged
    again = Trigger({**settings, "maxRecords": 5, "maxDuration": "PT2S"}).poll(trigger_ctx())
    assert sorted(line.split("payload:")[1][:5] for line in read_stored(again.variables["uri"]).splitlines()) == [
        "{n:1}", "{n:2}", "{n:3}"]
    again.ack()
    last = Trigger({**settings, "maxDuration": "PT1S"}).poll(trigger_ctx())  # long enough for a redelivery to come
    assert last is None, read_stored(last.variables["uri"])  # an acknowledged message came again


def test_the_realtime_trigger_gives_each_message(broker, trigger_ctx):
    version, topic, publish = broker
    settings = spec(RealtimeTrigger, version, topic, serdeType="STRING")
    Trigger({**settings, "type": Trigger.type, "maxDuration": "PT0.1S"}).poll(trigger_ctx())  # the session subscribes
    publish("hello")  # waits in the session for the listener
    stop = threading.Event()
    events = RealtimeTrigger(settings).listen(trigger_ctx(), stop)
    event = next(events)
    assert event.variables == {"id": 1, "topic": topic, "qos": 1, "payload": "hello", "retain": False}
    event.ack()
    stop.set()
    events.close()
