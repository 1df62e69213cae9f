"""Run the stand-in from the command line until Ctrl-C or SIGTERM.

Example: ``python -m tests.standin --port 8080 --token T --latency 0.2 --fault-429-every 5``;
``--rate-limit 50 --rate-burst 10`` adds a real token-bucket limit per token.
The first line printed is ``base URL: <url>``, the second ``token: <token>``; then come
``export`` lines to paste into a shell, the projects and jobs to try (see ``welcome``).
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from tests.standin.clocks import ScaledClock
from tests.standin.engine import PARAMETERS_HELP
from tests.standin.server import DEFAULT_TOKEN, Standin
from tests.standin.welcome import welcome


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.standin",
        description=__doc__,
        epilog=PARAMETERS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--port", type=int, default=8080, help="API port (0: any free port)")
    parser.add_argument(
        "--artifact-port",
        type=int,
        default=0,
        help="artifact host port (default 0: any free port; the export lines name it)",
    )
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="the token to accept")
    parser.add_argument("--page-size", type=int, default=20, help="items per page")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added per request")
    parser.add_argument(
        "--fault-429-every", type=int, metavar="N", help="answer every N-th request with 429"
    )
    parser.add_argument("--retry-after", default="1", help="Retry-After value of the 429s")
    parser.add_argument(
        "--fault-5xx-every", type=int, metavar="N", help="answer every N-th request with a 5xx"
    )
    parser.add_argument("--fault-status", type=int, default=500, help="status of the 5xx fault")
    parser.add_argument(
        "--fault-operation", default=None, help="limit the recurring faults to one operationId"
    )
    parser.add_argument(
        "--rate-limit",
        type=float,
        metavar="R",
        help="allow R requests per second per token, answering 429 beyond it",
    )
    parser.add_argument(
        "--rate-burst", type=int, default=1, metavar="B", help="requests allowed at once"
    )
    parser.add_argument(
        "--validate", action="store_true", help="validate responses against openapi.yaml"
    )
    parser.add_argument(
        "--extra-pipelines",
        type=int,
        default=0,
        metavar="N",
        help="add the project gh/acme/bulk with N pipelines",
    )
    parser.add_argument(
        "--speed",
        type=float,
        default=1.0,
        metavar="X",
        help="run triggered pipelines X times faster than real time (0: never move them)",
    )
    args = parser.parse_args(argv)
    if args.speed < 0:
        parser.error("--speed must not be negative")
    return args


def main(argv: list[str] | None = None) -> None:
    """Start the servers, print where they listen and wait for a signal."""
    args = parse_args(argv)
    standin = Standin(
        token=args.token,
        page_size=args.page_size,
        port=args.port,
        artifact_port=args.artifact_port,
        validate_responses=args.validate,
        rate_limit=args.rate_limit,
        rate_burst=args.rate_burst,
        bulk_pipelines=args.extra_pipelines,
        clock=ScaledClock(args.speed),
    )
    if args.latency > 0:
        standin.faults.latency(args.latency)
    if args.fault_429_every:
        standin.faults.rate_limit(
            args.fault_operation,
            retry_after=args.retry_after,
            times=None,
            every=args.fault_429_every,
        )
    if args.fault_5xx_every:
        standin.faults.add(
            args.fault_operation, status=args.fault_status, times=None, every=args.fault_5xx_every
        )
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with standin:
        print("\n".join(welcome(standin)), flush=True)
        while not stop.wait(0.1):
            pass


if __name__ == "__main__":
    main()
