"""A stateful stand-in for the CircleCI API v2, served over real HTTP for tests.

Modules:

* the world: ``world`` (one import for all of it), ``entities`` (the records), ``state``
  (:class:`World` and its lookups), ``changes`` (its state changes), ``seeding`` (the
  deterministic seed), ``derived`` (config files and keys derived from names);
* the operations: ``handler_kit`` (request context, replies, route registration),
  ``handlers`` (users, pipelines, projects, jobs, workflows), ``insight_handlers``,
  ``run_handlers`` and ``runcontrol`` (triggering runs, approving, continuing),
  ``context_handlers`` and ``contexts`` (the ten context operations and their state),
  ``schedule_handlers``, ``webhook_handlers`` and ``schedules`` (schedules, outbound webhooks
  and their state); ``settings_handlers`` (project settings), ``usage_handlers`` and ``usage``
  (usage export jobs on the clock; their files are served by the foreign host);
* running pipelines: ``engine`` (triggered pipelines run on a clock), ``clocks``,
  ``cancelling`` (API cancels, reported to the engine's listeners), ``webhook_delivery``
  (signed webhook events POSTed when driven or cancelled work finishes);
* serving: ``routing`` (raw-path matcher), ``wire`` (JSON shapes), ``insights`` (metrics from
  stored runs), ``tokens`` (signed page tokens), ``faults`` (fault injection), ``reqlog``
  (request logs), ``validation`` (responses against openapi.yaml), ``app`` (API Starlette
  app), ``hosts`` (artifact and foreign hosts; usage export files), ``server``
  (:class:`~tests.standin.server.Standin`) and ``__main__``
  (``python -m tests.standin --port 8080 --token T``).

This package is the one entry point for code outside the test suite (the docs examples, the
benchmarks): run it from the repository root with ``python -m`` (``python -m tests.standin``,
``python -m bench.run``, ``python -m docs.examples.tutorial``) and import what it exports
here. Typical use::

    from tests.standin import Standin

    with Standin() as standin:
        httpx.get(f"{standin.base_url}/me", headers={"Circle-Token": standin.token})
"""

from tests.standin.server import DEFAULT_TOKEN, Standin
from tests.standin.world import WIDGETS, Artifact, World, seed_world

__all__ = ["DEFAULT_TOKEN", "WIDGETS", "Artifact", "Standin", "World", "seed_world"]
