"""The guide's tutorial (the README's main job) runs every step against the stand-in."""

from __future__ import annotations

import io
import re

import pytest

from docs.examples import tutorial
from tests.clients import standin_client
from tests.standin.server import Standin


def test_tutorial_prints_every_step(standin: Standin) -> None:
    out = io.StringIO()
    with standin_client(standin) as client:
        tutorial.run(client, "gh/acme/widgets", out)
    text = out.getvalue()
    steps = [int(n) for n in re.findall(r"^(\d+)\. ", text, flags=re.MULTILINE)]
    assert steps == list(range(1, 12))
    assert "authenticated as octo-dev" in text
    assert "created pipeline #96" in text and "#98 with image-tag=4.8.2" in text
    assert "widgets in acme" in text
    assert "Job details of job 283" in text and "4 artifacts" in text
    assert "downloaded node-1/test-results/junit.xml (904 bytes)" in text
    assert "4 downloaded (3.5 KiB), 0 skipped, 0 failed" in text
    assert "build-and-test:" in text and text.rstrip().endswith("Done.")
    triggers = standin.requests.api.filter(operation="triggerPipeline")
    assert len(triggers) == 3


def test_tutorial_main_starts_its_own_standin(capsys: pytest.CaptureFixture[str]) -> None:
    assert tutorial.main([]) == 0
    printed = capsys.readouterr().out
    assert "Started a stand-in CircleCI at http://127.0.0.1:" in printed
    assert "Done." in printed


def test_live_mode_needs_a_project() -> None:
    with pytest.raises(SystemExit):
        tutorial.main(["--live"])
