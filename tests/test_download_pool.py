"""The idle connections of the sync downloads' transport, on a virtual clock."""

from __future__ import annotations

import http.client
import socket
from collections.abc import Iterator

import pytest
from circleci_client._download_pool import KEEPALIVE_EXPIRY, MAX_IDLE, ConnectionPool

HOST_A = ("http", "a.example", 80)
HOST_B = ("https", "b.example", 443)


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def peers() -> Iterator[list[socket.socket]]:
    """The far ends of the connections a test makes, closed after it."""
    ends: list[socket.socket] = []
    yield ends
    for end in ends:
        end.close()


def _connection(peers: list[socket.socket]) -> http.client.HTTPConnection:
    """An open connection (a socket pair stands for the network); its far end in ``peers``."""
    near, far = socket.socketpair()
    peers.append(far)
    connection = http.client.HTTPConnection("unused.example")
    connection.sock = near
    return connection


def test_a_connection_given_back_goes_only_to_its_own_host(peers: list[socket.socket]) -> None:
    pool = ConnectionPool(_Clock())
    connection = _connection(peers)
    pool.give_back(HOST_A, connection)
    assert pool.take(HOST_B) is None
    assert pool.take(HOST_A) is connection
    assert pool.take(HOST_A) is None and len(pool) == 0


def test_a_connection_its_server_closed_is_closed_not_handed_out(
    peers: list[socket.socket],
) -> None:
    pool = ConnectionPool(_Clock())
    gone, alive = _connection(peers), _connection(peers)
    pool.give_back(HOST_A, alive)
    pool.give_back(HOST_A, gone)
    peers[0].close()  # gone's server hung up while it was idle
    assert pool.take(HOST_A) is alive
    assert gone.sock is None  # closed


def test_expired_connections_of_every_host_are_closed_whenever_the_pool_is_used(
    peers: list[socket.socket],
) -> None:
    clock = _Clock()
    pool = ConnectionPool(clock)
    old_a, old_b = _connection(peers), _connection(peers)
    pool.give_back(HOST_A, old_a)
    pool.give_back(HOST_B, old_b)
    clock.now += KEEPALIVE_EXPIRY + 0.1
    fresh = _connection(peers)
    pool.give_back(HOST_A, fresh)  # any use sweeps
    assert old_a.sock is None and old_b.sock is None
    assert len(pool) == 1 and pool.take(HOST_B) is None and pool.take(HOST_A) is fresh


def test_the_pool_keeps_at_most_max_idle_connections(peers: list[socket.socket]) -> None:
    pool = ConnectionPool(_Clock())
    connections = [_connection(peers) for _ in range(MAX_IDLE + 3)]
    for number, connection in enumerate(connections):
        pool.give_back(HOST_A if number % 2 else HOST_B, connection)
    assert len(pool) == MAX_IDLE
    assert [c.sock is None for c in connections[MAX_IDLE:]] == [True] * 3


def test_a_connection_given_back_after_close_is_closed(peers: list[socket.socket]) -> None:
    pool = ConnectionPool(_Clock())
    kept, late = _connection(peers), _connection(peers)
    pool.give_back(HOST_A, kept)
    pool.close()
    pool.give_back(HOST_A, late)  # a body that ended after the client was closed
    assert kept.sock is None and late.sock is None and len(pool) == 0
