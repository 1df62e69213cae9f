# Hand-written runtime module (not generated): edit it here.
"""Trigger a pipeline of any project with one call, whatever kind of project it is.

.. code-block:: python

    from circleci_client import AuthenticatedClient
    from circleci_client.pipelines import Triggered, trigger_pipeline

    with AuthenticatedClient.from_env() as client:
        result = trigger_pipeline(
            client, "circleci/43G3lM5RtfFE7v5sa4nWAU/44n9wujWcTnVZ2b5S8Fnat",
            branch="main", parameters={"deploy": True, "replicas": 3},
        )
        if isinstance(result, Triggered):
            print(f"pipeline #{result.number} ({result.id}) is {result.state}")
        else:
            print(f"no pipeline: {result.message}")

**Which endpoint.** CircleCI has two. ``triggerPipeline`` (``POST /project/{slug}/pipeline``)
is, in CircleCI's words, superseded by ``triggerPipelineRun`` and does not support GitHub App
or GitLab projects; ``triggerPipelineRun``
(``POST /project/{provider}/{organization}/{project}/pipeline/run``) is the recommended one.
It starts a pipeline from one of the project's pipeline definitions and separates where the
configuration is read from (``config``) from what is checked out (``checkout``); it also answers
200 without creating anything when, for example, the commit asks CircleCI to skip CI. The
older endpoint still serves GitHub OAuth (``gh/``) and Bitbucket (``bb/``) projects, which
have no pipeline definitions to choose from, and always creates a pipeline. So:

* ``circleci/<org-id>/<project-id>`` slugs (GitHub App, GitLab) use ``triggerPipelineRun``,
  the slug's three parts travelling as three path segments;
* ``gh/`` and ``bb/`` slugs use ``triggerPipeline``, unless ``definition_id`` is given: only
  ``triggerPipelineRun`` takes a definition, so then it is used for them too.

``branch`` or ``tag`` (not both) names what to run; with ``triggerPipelineRun`` it is sent as
both ``config`` and ``checkout``. Neither means the project's default branch (or, with a
definition, the definition's default). ``parameters`` is a plain mapping of names to ``str``,
``int`` or ``bool`` values; anything else raises
:class:`~circleci_client.errors.InvalidPipelineParameterError` naming the parameter, before any
request. Triggering is not idempotent, so the client never retries it after a server error or
a timeout.

The answer is :class:`Triggered` (a pipeline was created: ``id``, ``number``, ``state``) or
:class:`NotTriggered` (none was: ``message``); both say which ``operation`` was used.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Literal
from uuid import UUID

from .api.pipeline import trigger_pipeline as _trigger_pipeline
from .api.pipeline import trigger_pipeline_run as _trigger_pipeline_run
from .client import AuthenticatedClient, Client
from .errors import InvalidPipelineParameterError, InvalidTriggerError
from .models.git_ref import GitRef
from .models.pipeline_creation import PipelineCreation
from .models.pipeline_state import PipelineState
from .models.trigger_pipeline_parameters import TriggerPipelineParameters
from .models.trigger_pipeline_run_parameters import TriggerPipelineRunParameters
from .slugs import ProjectSlug
from .types import UNSET

__all__ = [
    "NotTriggered",
    "ParameterValue",
    "TriggerResult",
    "Triggered",
    "atrigger_pipeline",
    "check_pipeline_parameters",
    "trigger_pipeline",
]

ParameterValue = str | int | bool
"""The value types CircleCI takes for pipeline parameters."""

TRIGGER_PIPELINE = "triggerPipeline"
TRIGGER_PIPELINE_RUN = "triggerPipelineRun"


@dataclass(frozen=True, slots=True)
class Triggered:
    """A pipeline was created."""

    created: ClassVar[Literal[True]] = True
    id: UUID
    """The pipeline's ID."""
    number: int
    """Its number within the project (what the web UI and ``CIRCLE_PIPELINE_NUMBER`` show)."""
    state: PipelineState
    """Its state when created: ``created``, or ``setup`` for dynamic configuration."""
    created_at: datetime.datetime
    project_slug: str
    """The project's canonical slug."""
    operation: str
    """``triggerPipelineRun`` or ``triggerPipeline``: the endpoint that was used."""


@dataclass(frozen=True, slots=True)
class NotTriggered:
    """No pipeline was created (``triggerPipelineRun`` answered 200); not an error."""

    created: ClassVar[Literal[False]] = False
    message: str
    """CircleCI's reason, e.g. that the commit asks to skip CI; empty when it gave none."""
    project_slug: str
    operation: str


TriggerResult = Triggered | NotTriggered


def check_pipeline_parameters(
    parameters: Mapping[str, ParameterValue],
) -> dict[str, ParameterValue]:
    """Return ``parameters`` as a dict after checking every name and value.

    Raises :class:`~circleci_client.errors.InvalidPipelineParameterError` naming the first bad
    parameter: a name that is not a non-empty ``str``, or a value that is not ``str``, ``int``
    or ``bool``.
    """
    if not isinstance(parameters, Mapping):
        raise InvalidPipelineParameterError(
            f"pipeline parameters must be a mapping of names to values, "
            f"not {type(parameters).__name__}",
            name=None,
            value=parameters,
        )
    checked: dict[str, ParameterValue] = {}
    for name, value in parameters.items():
        if not isinstance(name, str) or not name:
            raise InvalidPipelineParameterError(
                f"pipeline parameter name {name!r} must be a non-empty str",
                name=name,
                value=value,
            )
        if not isinstance(value, str | int):  # bool is an int
            raise InvalidPipelineParameterError(
                f"pipeline parameter {name!r} is a {type(value).__name__}: CircleCI takes "
                "str, int or bool values; convert it (e.g. str(value)) or leave it out",
                name=name,
                value=value,
            )
        checked[name] = value
    return checked


def _git_ref(branch: str | None, tag: str | None) -> GitRef:
    return GitRef(
        branch=branch if branch is not None else UNSET, tag=tag if tag is not None else UNSET
    )


@dataclass(frozen=True, slots=True)
class _Plan:
    """One trigger request, ready to send."""

    slug: ProjectSlug
    run_body: TriggerPipelineRunParameters | None
    legacy_body: TriggerPipelineParameters | None


def _plan(
    project_slug: str | ProjectSlug,
    branch: str | None,
    tag: str | None,
    parameters: Mapping[str, ParameterValue] | None,
    definition_id: UUID | str | None,
) -> _Plan:
    text = str(project_slug) if isinstance(project_slug, ProjectSlug) else project_slug
    slug = ProjectSlug.parse(text)
    if branch is not None and tag is not None:
        raise InvalidTriggerError("give a branch or a tag to trigger, not both")
    for label, ref in (("branch", branch), ("tag", tag)):
        if ref is not None and (not isinstance(ref, str) or not ref):
            raise InvalidTriggerError(f"{label} must be a non-empty str, got {ref!r}")
    checked = check_pipeline_parameters(parameters) if parameters is not None else None
    definition: UUID | None = None
    if definition_id is not None:
        try:
            definition = definition_id if isinstance(definition_id, UUID) else UUID(definition_id)
        except (TypeError, ValueError, AttributeError):
            raise InvalidTriggerError(
                f"definition_id must be a UUID (see listPipelineDefinitions), got {definition_id!r}"
            ) from None
    if slug.vcs == "circleci" or definition is not None:
        has_ref = branch is not None or tag is not None
        run_body = TriggerPipelineRunParameters(
            definition_id=definition if definition is not None else UNSET,
            config=_git_ref(branch, tag) if has_ref else UNSET,
            checkout=_git_ref(branch, tag) if has_ref else UNSET,
            parameters=checked if checked is not None else UNSET,
        )
        return _Plan(slug, run_body, None)
    legacy_body = TriggerPipelineParameters(
        branch=branch if branch is not None else UNSET,
        tag=tag if tag is not None else UNSET,
        parameters=checked if checked is not None else UNSET,
    )
    return _Plan(slug, None, legacy_body)


def _result(plan: _Plan, answer: object) -> TriggerResult:
    operation = TRIGGER_PIPELINE_RUN if plan.run_body is not None else TRIGGER_PIPELINE
    if isinstance(answer, PipelineCreation):
        return Triggered(
            answer.id, answer.number, answer.state, answer.created_at, str(plan.slug), operation
        )
    message = getattr(answer, "message", UNSET)
    return NotTriggered(message if isinstance(message, str) else "", str(plan.slug), operation)


def trigger_pipeline(
    client: AuthenticatedClient | Client,
    project_slug: str | ProjectSlug,
    *,
    branch: str | None = None,
    tag: str | None = None,
    parameters: Mapping[str, ParameterValue] | None = None,
    definition_id: UUID | str | None = None,
    deadline: float | None = None,
) -> TriggerResult:
    """Trigger a pipeline of ``project_slug`` with the endpoint its kind of project needs.

    See the module docstring for the choice of endpoint. ``deadline`` bounds the call in
    seconds (None: the client's setting).

    Raises:
        InvalidProjectSlugError, InvalidTriggerError, InvalidPipelineParameterError: before any
            request.
        APIStatusError: a subclass per status, e.g. NotFoundError for an unknown project.
        APIConnectionError: the server could not be reached.
    """
    plan = _plan(project_slug, branch, tag, parameters, definition_id)
    slug = plan.slug
    if plan.run_body is not None:
        answer: object = _trigger_pipeline_run.sync(
            slug.vcs, slug.org, slug.repo, client=client, body=plan.run_body, deadline=deadline
        )
    else:
        assert plan.legacy_body is not None
        answer = _trigger_pipeline.sync(
            str(slug), client=client, body=plan.legacy_body, deadline=deadline
        )
    return _result(plan, answer)


async def atrigger_pipeline(
    client: AuthenticatedClient | Client,
    project_slug: str | ProjectSlug,
    *,
    branch: str | None = None,
    tag: str | None = None,
    parameters: Mapping[str, ParameterValue] | None = None,
    definition_id: UUID | str | None = None,
    deadline: float | None = None,
) -> TriggerResult:
    """The coroutine form of :func:`trigger_pipeline` (same arguments, errors and answer)."""
    plan = _plan(project_slug, branch, tag, parameters, definition_id)
    slug = plan.slug
    if plan.run_body is not None:
        answer: object = await _trigger_pipeline_run.asyncio(
            slug.vcs, slug.org, slug.repo, client=client, body=plan.run_body, deadline=deadline
        )
    else:
        assert plan.legacy_body is not None
        answer = await _trigger_pipeline.asyncio(
            str(slug), client=client, body=plan.legacy_body, deadline=deadline
        )
    return _result(plan, answer)
