"""Deterministic values derived from names: a project's config files, SSH keys, text bytes."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime

from tests.standin.entities import LEGACY, WIDGETS, CheckoutKey


def workflow_names(slug: str) -> list[str]:
    """Return the workflow names a project's config declares."""
    if slug == WIDGETS:
        return ["build-and-test", "deploy"]
    if slug == LEGACY:
        return ["build"]
    return ["ci"]


def config_source(slug: str) -> str:
    """Return the (uncompiled) config.yml of a project."""
    return (
        "version: 2.1\n"
        "orbs:\n  node: circleci/node@5.2.0\n"
        f"# project {slug}\n"
        "jobs:\n  lint:\n    executor: node/default\n    steps: [checkout, run: npm run lint]\n"
        "  build:\n    executor: node/default\n    steps: [checkout, run: npm run build]\n"
        "workflows:\n  build-and-test:\n    jobs: [lint, build]\n"
    )


def config_compiled(slug: str) -> str:
    """Return the compiled config of a project (orbs expanded)."""
    return (
        "version: 2\n"
        f"# project {slug}\n"
        "jobs:\n  lint:\n    docker:\n    - image: cimg/node:20.11\n"
        "    steps:\n    - checkout\n    - run:\n        command: npm run lint\n"
        "  build:\n    docker:\n    - image: cimg/node:20.11\n"
        "    steps:\n    - checkout\n    - run:\n        command: npm run build\n"
        "workflows:\n  version: 2\n  build-and-test:\n    jobs:\n    - lint\n    - build:\n"
        "        requires:\n        - lint\n"
    )


def _fingerprints(public_key: str) -> tuple[str, str]:
    """Return the md5 and sha256 fingerprints of an OpenSSH public key line."""
    blob = base64.b64decode(public_key.split()[1])
    md5 = hashlib.md5(blob).hexdigest()
    md5_fp = ":".join(md5[i : i + 2] for i in range(0, 32, 2))
    sha = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return md5_fp, "SHA256:" + sha


def make_public_key(name: str, need_slash: bool = False) -> str:
    """Build a deterministic (fake) ed25519 public key; optionally one whose sha256 has '/'."""
    n = 0
    while True:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20"
        blob += hashlib.sha256(f"{name}:{n}".encode()).digest()
        key = "ssh-ed25519 " + base64.b64encode(blob).decode() + f" {name}"
        if not need_slash or "/" in _fingerprints(key)[1]:
            return key
        n += 1


def make_checkout_key(name: str, key_type: str, created_at: datetime) -> CheckoutKey:
    """Create a checkout key record."""
    public_key = make_public_key(name, need_slash=True)
    md5_fp, sha_fp = _fingerprints(public_key)
    return CheckoutKey(
        public_key=public_key,
        type=key_type,
        md5=md5_fp,
        sha256=sha_fp,
        preferred=key_type == "github-user-key",
        created_at=created_at,
    )


def text_content(seed: str, lines: int = 12) -> bytes:
    """Return deterministic text bytes for a small artifact."""
    out = [f"# {seed}"]
    for i in range(lines):
        out.append(f"{i:04d} {hashlib.sha256(f'{seed}:{i}'.encode()).hexdigest()}")
    return ("\n".join(out) + "\n").encode()
