"""The stand-in's world, in one import: its records, its state and its deterministic seed.

The code lives in four modules, re-exported here so that ``from tests.standin.world import
...`` names everything:

* :mod:`~tests.standin.entities`: the records (users, projects, pipelines, workflows, jobs,
  artifacts, ...), the seeded projects' slugs and the deterministic id helpers;
* :mod:`~tests.standin.state`: :class:`World`, every record the stand-in serves, and lookups;
* :mod:`~tests.standin.changes`: the state changes (clock, triggering, cancelling, re-running);
* :mod:`~tests.standin.seeding`: :func:`seed_world`, the seed (its docstring lists the seeded
  facts; tests read the numbers from :class:`SeedFacts`, ``world.facts``);

and :mod:`~tests.standin.derived` holds values derived from names (config files, SSH keys,
text content).
"""

from __future__ import annotations

from tests.standin.changes import WorldChanges
from tests.standin.derived import (
    config_compiled,
    config_source,
    make_checkout_key,
    make_public_key,
    text_content,
    workflow_names,
)
from tests.standin.entities import (
    ACTIVE_JOB,
    BULK,
    CREDITS_PER_MINUTE,
    DEFAULT_BIG_ARTIFACT_SIZE,
    LEGACY,
    NAMESPACE,
    SEED_NOW,
    TERMINAL_WORKFLOW,
    VCS_ALIASES,
    WIDGETS,
    Artifact,
    CheckoutKey,
    Collaboration,
    Continuation,
    EnvVar,
    Job,
    Pipeline,
    PipelineDefinition,
    Project,
    SeedFacts,
    TestResult,
    User,
    Workflow,
    make_id,
    make_short_id,
    mask_value,
)
from tests.standin.seeding import seed_world
from tests.standin.state import World

__all__ = [
    "ACTIVE_JOB",
    "BULK",
    "CREDITS_PER_MINUTE",
    "DEFAULT_BIG_ARTIFACT_SIZE",
    "LEGACY",
    "NAMESPACE",
    "SEED_NOW",
    "TERMINAL_WORKFLOW",
    "VCS_ALIASES",
    "WIDGETS",
    "Artifact",
    "CheckoutKey",
    "Collaboration",
    "Continuation",
    "EnvVar",
    "Job",
    "Pipeline",
    "PipelineDefinition",
    "Project",
    "SeedFacts",
    "TestResult",
    "User",
    "Workflow",
    "World",
    "WorldChanges",
    "config_compiled",
    "config_source",
    "make_checkout_key",
    "make_id",
    "make_public_key",
    "make_short_id",
    "mask_value",
    "seed_world",
    "text_content",
    "workflow_names",
]
