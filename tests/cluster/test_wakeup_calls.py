"""The wake-up calls between the processes that queue a step and the ORM broker's
pushers (executions/engine/wakeup.py), on real unix datagram sockets: a call reaches
every listener of its queue, a listener left by a dead pusher is cleared away, and a
call is only a hint that the poll stands behind."""
import socket

import pytest

from executions.engine.orm_broker import Backoff
from executions.engine.wakeup import HAS_UNIX_SOCKETS, Listener, folder_for, notify

needs_unix_sockets = pytest.mark.skipif(not HAS_UNIX_SOCKETS, reason="no AF_UNIX here: the poll alone finds tasks")


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "wake"


@needs_unix_sockets
def test_it_wakes_every_listener_of_the_queue(folder):
    listeners = [Listener(folder), Listener(folder)]
    try:
        assert all(listener.listening for listener in listeners)
        assert notify(folder) == 2
        assert [listener.wait(60) for listener in listeners] == [True, True]
    finally:
        for listener in listeners:
            listener.close()


@needs_unix_sockets
def test_it_takes_all_pending_calls_at_once(folder):
    listener = Listener(folder)
    try:
        for _ in range(5):
            notify(folder)
        assert listener.wait(60) is True
        assert listener.wait(0) is False  # the five calls were one look at the queue
    finally:
        listener.close()


@needs_unix_sockets
def test_it_removes_the_socket_of_a_listener_that_died(folder):
    listener = Listener(folder)
    listener.sock.close()  # a pusher killed: its socket file stays, nobody reads it
    assert listener.path.exists()
    assert notify(folder) == 0
    assert not listener.path.exists()


def test_a_queue_nobody_listens_to_is_no_error(folder):
    assert notify(folder) == 0


def test_processes_naming_the_same_queue_meet_in_one_folder():
    assert folder_for("sqlite3", "/data/db", "kestraweb") == folder_for("sqlite3", "/data/db", "kestraweb")
    assert folder_for("sqlite3", "/data/db", "kestraweb") != folder_for("sqlite3", "/other/db", "kestraweb")


def test_an_idle_pusher_waits_longer_each_empty_look_up_to_the_poll_and_short_again_after_work():
    backoff = Backoff(0.05, 1)
    assert [backoff.next() for _ in range(7)] == [0.05, 0.1, 0.2, 0.4, 0.8, 1, 1]
    backoff.reset()
    assert backoff.next() == 0.05


def test_a_short_wait_above_the_poll_is_the_poll():
    assert Backoff(5, 1).next() == 1


@needs_unix_sockets
def test_a_full_listener_counts_as_woken(folder):
    listener = Listener(folder)
    try:
        listener.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)
        sent = [notify(folder) for _ in range(2000)]
        assert set(sent) == {1}
    finally:
        listener.close()
