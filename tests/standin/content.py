"""Deterministic artifact bytes: stored content or a generated, streamable pattern."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator

from tests.standin.world import Artifact

PATTERN_LENGTH = 65521  # a prime, so the pattern never lines up with power-of-two chunks
CHUNK_SIZE = 256 * 1024


REPEATS = CHUNK_SIZE // PATTERN_LENGTH + 2
"""Copies of the pattern kept side by side, so a whole chunk can be sliced from any offset."""


@functools.lru_cache(maxsize=8)
def _pattern(seed: str) -> bytes:
    """Return the repeating pattern of a generated artifact, repeated for easy slicing.

    SHAKE-256 output is as unpredictable as a hash chain but comes out in one call, so a fresh
    seed costs a fraction of a millisecond (a job with a hundred artifacts has a hundred seeds).
    """
    return hashlib.shake_256(seed.encode()).digest(PATTERN_LENGTH) * REPEATS


def artifact_slice(artifact: Artifact, start: int, end: int) -> bytes:
    """Return bytes ``[start, end)`` of an artifact (end is clamped to its size)."""
    end = min(end, artifact.size)
    if start >= end:
        return b""
    if artifact.content is not None:
        return artifact.content[start:end]
    return b"".join(iter_artifact(artifact, start, end))


def iter_artifact(artifact: Artifact, start: int, end: int) -> Iterator[bytes]:
    """Yield bytes ``[start, end)`` of an artifact in chunks, never holding it all."""
    end = min(end, artifact.size)
    if artifact.content is not None:
        for pos in range(start, end, CHUNK_SIZE):
            yield artifact.content[pos : min(end, pos + CHUNK_SIZE)]
        return
    pattern = _pattern(artifact.seed)
    pos = start
    while pos < end:
        offset = pos % PATTERN_LENGTH
        size = min(end - pos, CHUNK_SIZE)
        yield pattern[offset : offset + size]
        pos += size


def artifact_sha256(artifact: Artifact) -> str:
    """Return the sha256 hex digest of an artifact's full content (streams it)."""
    digest = hashlib.sha256()
    for chunk in iter_artifact(artifact, 0, artifact.size):
        digest.update(chunk)
    return digest.hexdigest()
