# Hand-written runtime module (not generated): edit it here.
"""Project slugs: ``vcs/org/repo`` strings that name a CircleCI project.

Accepted forms:

* ``gh/org/repo`` and ``bb/org/repo``; ``github`` and ``bitbucket`` (any letter case) are
  normalised to ``gh`` and ``bb``.
* ``circleci/<organization ID>/<project ID>`` for GitHub App and GitLab projects. CircleCI's
  IDs there are short, case-sensitive strings of ASCII letters and digits (typically 22
  characters, e.g. ``43G3lM5RtfFE7v5sa4nWAU``); UUIDs are accepted too. Both keep their case.
* Any of the above URL-escaped, e.g. ``gh%2Forg%2Frepo``: a slug containing ``%`` is decoded
  once before it is checked.

Org and repo names may contain ASCII letters, digits, ``-``, ``_`` and ``.``, which covers
GitHub and Bitbucket account and repository names. They may not be empty, be ``.`` or
``..``, or contain ``/``, ``%`` (a leftover or double escape), whitespace, control characters
or anything else. Letter case is kept as given.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import unquote

from .errors import InvalidPathParameterError

__all__ = [
    "InvalidProjectSlugError",
    "ProjectSlug",
    "validate_project_slug",
    "validate_project_slug_parts",
]

_VCS_ALIASES = {
    "gh": "gh",
    "github": "gh",
    "bb": "bb",
    "bitbucket": "bb",
    "circleci": "circleci",
}
_LONG_FORMS = {"gh": "github", "bb": "bitbucket"}
_NAME = re.compile(r"[A-Za-z0-9._-]+")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_SHORT_ID = re.compile(r"[A-Za-z0-9]{1,64}")
_CIRCLECI_ID_NAMES = {"org": "an organization ID", "repo": "a project ID"}


class InvalidProjectSlugError(InvalidPathParameterError):
    """A project slug, or one of its parts, is malformed."""

    def __init__(
        self, message: str, *, slug: str, part: str | None = None, operation: str | None = None
    ) -> None:
        super().__init__(message, parameter="project_slug", value=slug, operation=operation)
        self.slug = slug
        """The slug as given (or as assembled from its parts)."""
        self.part = part
        """The offending part: ``"vcs"``, ``"org"`` or ``"repo"``; ``None`` for the whole."""


def _fail(slug: str, part: str | None, problem: str) -> InvalidProjectSlugError:
    return InvalidProjectSlugError(
        f"invalid project slug {slug!r}: {problem}", slug=slug, part=part
    )


def _check_name(slug: str, part: str, value: str) -> None:
    """Reject an org or repo name outside the documented character set."""
    if not value:
        raise _fail(slug, part, f"{part} part is empty")
    if _NAME.fullmatch(value):
        if value in {".", ".."}:
            raise _fail(slug, part, f"{part} must not be {value!r}")
        return
    for char in value:
        if char.isspace():
            raise _fail(slug, part, f"{part} contains whitespace")
        if not char.isprintable():
            raise _fail(slug, part, f"{part} contains a control character {char!r}")
        if char in "/%":
            raise _fail(slug, part, f"{part} contains {char!r}")
        if not _NAME.fullmatch(char):
            raise _fail(
                slug,
                part,
                f"{part} contains invalid character {char!r}: "
                "use letters, digits, '-', '_' and '.'",
            )


def _check_id(slug: str, part: str, value: str) -> None:
    """Reject a ``circleci`` slug's org or project ID that is neither a short ID nor a UUID."""
    if not value:
        raise _fail(slug, part, f"{part} part is empty")
    if _SHORT_ID.fullmatch(value) or _UUID.fullmatch(value):
        return
    raise InvalidProjectSlugError(
        f"invalid project slug {slug!r}: 'circleci' slugs need {_CIRCLECI_ID_NAMES[part]} "
        f"as the {part} part (letters and digits such as '43G3lM5RtfFE7v5sa4nWAU', or a "
        f"UUID), got {value!r}; copy the slug from the project's settings page",
        slug=slug,
        part=part,
    )


def _normalise(vcs: str, org: str, repo: str, *, slug: str) -> tuple[str, str, str]:
    """Validate the three parts and return them in canonical form; ``slug`` is for messages."""
    for part, value in (("vcs", vcs), ("org", org), ("repo", repo)):
        if not isinstance(value, str):
            raise TypeError(f"project slug {part} must be a str, got {type(value).__name__}")
    if not vcs:
        raise _fail(slug, "vcs", "vcs part is empty")
    short = _VCS_ALIASES.get(vcs.lower())
    if short is None:
        raise InvalidProjectSlugError(
            f"unknown VCS {vcs!r} in {slug!r}: use gh, github, bb, bitbucket or circleci",
            slug=slug,
            part="vcs",
        )
    if short == "circleci":
        _check_id(slug, "org", org)
        _check_id(slug, "repo", repo)
        return short, org, repo
    _check_name(slug, "org", org)
    _check_name(slug, "repo", repo)
    return short, org, repo


@dataclass(frozen=True, slots=True)
class ProjectSlug:
    """A validated project slug; ``str(slug)`` is the canonical ``vcs/org/repo`` form."""

    vcs: str
    """``gh``, ``bb`` or ``circleci``."""
    org: str
    """Organization name, or the organization ID for ``circleci``."""
    repo: str
    """Repository name, or the project ID for ``circleci``."""

    def __post_init__(self) -> None:
        slug = "/".join(str(p) for p in (self.vcs, self.org, self.repo))
        vcs, org, repo = _normalise(self.vcs, self.org, self.repo, slug=slug)
        object.__setattr__(self, "vcs", vcs)
        object.__setattr__(self, "org", org)
        object.__setattr__(self, "repo", repo)

    @classmethod
    def parse(cls, text: str) -> ProjectSlug:
        """Parse ``vcs/org/repo``, plain or URL-escaped (``gh%2Forg%2Frepo``)."""
        if not isinstance(text, str):
            raise TypeError(f"project slug must be a str, got {type(text).__name__}")
        if not text:
            raise InvalidProjectSlugError("invalid project slug '': the slug is empty", slug=text)
        stripped = text.strip(" \t")
        if text != stripped:
            raise InvalidProjectSlugError(
                f"invalid project slug {text!r}: it has spaces around it; remove them "
                f"({stripped!r})",
                slug=text,
            )
        decoded = unquote(text) if "%" in text else text
        parts = decoded.split("/")
        if len(parts) != 3:
            raise InvalidProjectSlugError(
                f"invalid project slug {text!r}: expected 3 parts 'vcs/org/repo', got {len(parts)}",
                slug=text,
            )
        vcs, org, repo = _normalise(parts[0], parts[1], parts[2], slug=text)
        return cls(vcs, org, repo)

    @classmethod
    def github(cls, org: str, repo: str) -> ProjectSlug:
        """Slug of a GitHub (OAuth app) project: ``gh/org/repo``."""
        return cls("gh", org, repo)

    @classmethod
    def bitbucket(cls, org: str, repo: str) -> ProjectSlug:
        """Slug of a Bitbucket project: ``bb/org/repo``."""
        return cls("bb", org, repo)

    @classmethod
    def circleci(cls, org_id: str, project_id: str) -> ProjectSlug:
        """Slug of a GitHub App or GitLab project: ``circleci/<org ID>/<project ID>``."""
        return cls("circleci", org_id, project_id)

    @property
    def long_form(self) -> str:
        """``github/org/repo`` or ``bitbucket/org/repo``; ``circleci`` slugs are unchanged."""
        return f"{_LONG_FORMS.get(self.vcs, self.vcs)}/{self.org}/{self.repo}"

    def __str__(self) -> str:
        return f"{self.vcs}/{self.org}/{self.repo}"


@functools.lru_cache(maxsize=1024)
def _canonical(text: str) -> str:
    # Parsing is pure, so valid slugs are remembered; errors are raised (never cached) each time.
    return str(ProjectSlug.parse(text))


def validate_project_slug(value: str | ProjectSlug) -> str:
    """Return the canonical ``vcs/org/repo`` string, raising ``InvalidProjectSlugError``."""
    if isinstance(value, ProjectSlug):
        return _canonical(str(value))  # checked again: a frozen dataclass can still be altered
    if type(value) is str:
        return _canonical(value)
    return str(ProjectSlug.parse(value))


def validate_project_slug_parts(vcs: str, org: str, repo: str) -> tuple[str, str, str]:
    """Check a slug given as its three parts; return them canonical (``github`` becomes ``gh``).

    For operations whose path takes the parts as three segments (``triggerPipelineRun``).
    Raises ``InvalidProjectSlugError`` naming the bad part.
    """
    slug = ProjectSlug(vcs, org, repo)
    return slug.vcs, slug.org, slug.repo
