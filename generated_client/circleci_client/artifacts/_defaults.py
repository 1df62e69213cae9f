# Hand-written runtime module (not generated): edit it here.
"""Download defaults and fixed limits (exported from ``circleci_client.artifacts``)."""

from __future__ import annotations

from typing import Literal

DEFAULT_CONCURRENCY = 16
"""Files downloaded at the same time unless told otherwise. Each request waits for the artifact
host's latency; for 100 files of 1 MiB at 20 ms per request, 16 at once were faster than 8 or
24 (``bench/artifacts_bench.py``; see docs/performance.md)."""

DEFAULT_RETRIES = 2
"""How often an interrupted body is resumed within one run."""

DEFAULT_MAX_PIPELINES = 50
"""How many of a branch's newest pipelines are searched for a successful one."""

MAX_REDIRECTS = 5
"""Redirects followed per request."""

PART_SUFFIX = ".part"
"""Suffix of a file still being downloaded."""

VALIDATOR_SUFFIX = ".validator"
"""Appended to a ``.part`` name: the file holding the validator (``ETag`` or ``Last-Modified``)
of the version the ``.part`` is a prefix of."""

MAX_VALIDATOR_LENGTH = 1024
"""Longest validator stored and sent back; a longer one counts as none."""

DEFAULT_STALL_TIMEOUT = 60.0
"""Seconds without a single byte after which a download counts as stalled."""

SkipExisting = Literal["size", "never"]
"""How an existing file is judged: ``"size"`` keeps it when its size is the server's,
``"never"`` downloads every file again."""

DEFAULT_SKIP_EXISTING: SkipExisting = "size"
"""Existing files are kept when their size matches (the content is not compared)."""

STOP_GRACE = 1.0
"""Seconds the sync functions give their workers to close their files after a Ctrl-C."""
