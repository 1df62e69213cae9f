"""Ports that no other test can take, even while tests run in parallel (``nox -s tests`` runs
them in several worker processes, and other processes on the machine open ports too).

Binding port 0, reading the number and closing the socket leaves a window in which any
other socket can get that port; these helpers close it.
"""

from __future__ import annotations

import random
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

EPHEMERAL_RANGE_FILE = Path("/proc/sys/net/ipv4/ip_local_port_range")
IANA_EPHEMERAL_LOW = 49152
"""Where the range the OS picks ports from starts when the system does not say (macOS, Windows)."""
LOWEST_FIXED_PORT = 10000
"""Fixed ports are picked from here up to the start of the ephemeral range."""


@contextmanager
def refusing_port(host: str = "127.0.0.1") -> Iterator[int]:
    """A port on which every connection is refused until the block ends.

    The socket is bound but never listens: nothing else can bind the port meanwhile, and a
    connection to it is refused at once, as to a server that is not running.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        yield sock.getsockname()[1]


def ephemeral_low() -> int:
    """The first port of the range the OS picks from for port 0 and outgoing connections."""
    try:
        return int(EPHEMERAL_RANGE_FILE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return IANA_EPHEMERAL_LOW


def free_fixed_ports(count: int, host: str = "127.0.0.1") -> list[int]:
    """``count`` distinct ports, free now, for a server that a test starts with fixed ports.

    They lie below the ephemeral range, where neither port 0 nor an outgoing connection can
    land, so between this call and the server's bind only another fixed-port bind could take
    them; the random pick makes two workers asking at once choose different ones.
    """
    low = ephemeral_low()
    if low - LOWEST_FIXED_PORT < 1000:
        raise RuntimeError(f"the ephemeral port range starts at {low}: no room for fixed ports")
    picker = random.Random()
    ports: list[int] = []
    for _ in range(1000):
        port = picker.randrange(LOWEST_FIXED_PORT, low)
        if port in ports:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((host, port))
            except OSError:
                continue
        ports.append(port)
        if len(ports) == count:
            return ports
    raise RuntimeError(f"found only {len(ports)} free ports of {count} below {low}")
