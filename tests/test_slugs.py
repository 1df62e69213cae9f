"""Project slugs: parsing, normalisation, constructors and every validation error."""

from __future__ import annotations

import dataclasses

import pytest
from circleci_client.slugs import InvalidProjectSlugError, ProjectSlug, validate_project_slug

ORG_ID = "8f9c4c0e-7a58-4b43-9a7e-1f1d3c4d5e6f"
PROJECT_ID = "1f1d3c4d-5e6f-4b43-9a7e-8f9c4c0e7a58"
# GitHub App / GitLab projects: CircleCI's short, case-sensitive IDs (the example in its spec).
SHORT_ORG = "43G3lM5RtfFE7v5sa4nWAU"
SHORT_PROJECT = "44n9wujWcTnVZ2b5S8Fnat"


# ---------------------------------------------------------------------------- valid slugs


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("gh/acme/widgets", "gh/acme/widgets"),
        ("github/acme/widgets", "gh/acme/widgets"),
        ("GitHub/Acme/Widgets", "gh/Acme/Widgets"),
        ("bb/acme/widgets", "bb/acme/widgets"),
        ("bitbucket/acme/widgets", "bb/acme/widgets"),
        ("gh/CircleCI-Public/api-preview-docs", "gh/CircleCI-Public/api-preview-docs"),
        ("gh/a_b/c.d-e_f", "gh/a_b/c.d-e_f"),
        ("gh/acme/.github", "gh/acme/.github"),
        ("gh/acme/...", "gh/acme/..."),
        ("gh%2Facme%2Fwidgets", "gh/acme/widgets"),
        ("gh%2facme%2fwidgets", "gh/acme/widgets"),
        ("github%2Facme/widgets", "gh/acme/widgets"),
        (f"circleci/{ORG_ID}/{PROJECT_ID}", f"circleci/{ORG_ID}/{PROJECT_ID}"),
        (f"circleci%2F{ORG_ID}%2F{PROJECT_ID}", f"circleci/{ORG_ID}/{PROJECT_ID}"),
        (f"CircleCI/{ORG_ID.upper()}/{PROJECT_ID}", f"circleci/{ORG_ID.upper()}/{PROJECT_ID}"),
        (f"circleci/{SHORT_ORG}/{SHORT_PROJECT}", f"circleci/{SHORT_ORG}/{SHORT_PROJECT}"),
        (f"circleci%2F{SHORT_ORG}%2F{SHORT_PROJECT}", f"circleci/{SHORT_ORG}/{SHORT_PROJECT}"),
        (f"circleci/{SHORT_ORG}/{PROJECT_ID}", f"circleci/{SHORT_ORG}/{PROJECT_ID}"),
        ("circleci/a/B7", "circleci/a/B7"),
    ],
)
def test_parse_valid(text: str, canonical: str) -> None:
    slug = ProjectSlug.parse(text)
    assert str(slug) == canonical
    assert validate_project_slug(text) == canonical
    assert ProjectSlug.parse(str(slug)) == slug


def test_parts_are_normalised() -> None:
    slug = ProjectSlug.parse("github/acme/widgets")
    assert (slug.vcs, slug.org, slug.repo) == ("gh", "acme", "widgets")
    assert slug == ProjectSlug("gh", "acme", "widgets")
    assert slug == ProjectSlug("github", "acme", "widgets")
    assert hash(slug) == hash(ProjectSlug("gh", "acme", "widgets"))


def test_constructors() -> None:
    assert str(ProjectSlug.github("acme", "widgets")) == "gh/acme/widgets"
    assert str(ProjectSlug.bitbucket("acme", "widgets")) == "bb/acme/widgets"
    slug = ProjectSlug.circleci(ORG_ID.upper(), PROJECT_ID)
    assert str(slug) == f"circleci/{ORG_ID.upper()}/{PROJECT_ID}"
    assert (slug.org, slug.repo) == (ORG_ID.upper(), PROJECT_ID)
    short = ProjectSlug.circleci(SHORT_ORG, SHORT_PROJECT)
    assert (short.org, short.repo) == (SHORT_ORG, SHORT_PROJECT)
    assert short != ProjectSlug.circleci(SHORT_ORG.lower(), SHORT_PROJECT)


def test_long_form() -> None:
    assert ProjectSlug.github("acme", "w").long_form == "github/acme/w"
    assert ProjectSlug.parse("bb/acme/w").long_form == "bitbucket/acme/w"
    slug = ProjectSlug.circleci(ORG_ID, PROJECT_ID)
    assert slug.long_form == str(slug) == f"circleci/{ORG_ID}/{PROJECT_ID}"


def test_validate_accepts_a_project_slug() -> None:
    assert validate_project_slug(ProjectSlug.github("acme", "w")) == "gh/acme/w"


def test_slug_is_frozen() -> None:
    slug = ProjectSlug.github("acme", "w")
    with pytest.raises(dataclasses.FrozenInstanceError):
        slug.org = "other"  # type: ignore[misc]


def test_letter_case_is_kept() -> None:
    assert ProjectSlug.parse("gh/Acme/W") != ProjectSlug.parse("gh/acme/w")


# ---------------------------------------------------------------------------- errors


def test_error_is_a_value_error_with_details() -> None:
    with pytest.raises(ValueError, match="org part is empty") as info:
        ProjectSlug.parse("gh//widgets")
    error = info.value
    assert isinstance(error, InvalidProjectSlugError)
    assert error.slug == "gh//widgets"
    assert error.part == "org"


@pytest.mark.parametrize(
    ("text", "message", "part"),
    [
        ("", "invalid project slug '': the slug is empty", None),
        ("gh/acme", "invalid project slug 'gh/acme': expected 3 parts 'vcs/org/repo', got 2", None),
        ("acme", "invalid project slug 'acme': expected 3 parts 'vcs/org/repo', got 1", None),
        (
            "gh/a/b/c",
            "invalid project slug 'gh/a/b/c': expected 3 parts 'vcs/org/repo', got 4",
            None,
        ),
        ("gh/a/b/", "invalid project slug 'gh/a/b/': expected 3 parts 'vcs/org/repo', got 4", None),
        (
            "gh%2Facme",
            "invalid project slug 'gh%2Facme': expected 3 parts 'vcs/org/repo', got 2",
            None,
        ),
        (
            "gitlab/a/b",
            "unknown VCS 'gitlab' in 'gitlab/a/b': use gh, github, bb, bitbucket or circleci",
            "vcs",
        ),
        ("/a/b", "invalid project slug '/a/b': vcs part is empty", "vcs"),
        ("gh//b", "invalid project slug 'gh//b': org part is empty", "org"),
        ("gh/a/", "invalid project slug 'gh/a/': repo part is empty", "repo"),
        ("gh/a/b c", "invalid project slug 'gh/a/b c': repo contains whitespace", "repo"),
        ("gh/a b/c", "invalid project slug 'gh/a b/c': org contains whitespace", "org"),
        ("gh/a/b\n", "invalid project slug 'gh/a/b\\n': repo contains whitespace", "repo"),
        ("gh/a%20b/c", "invalid project slug 'gh/a%20b/c': org contains whitespace", "org"),
        (
            "gh/a/b\x00",
            "invalid project slug 'gh/a/b\\x00': repo contains a control character '\\x00'",
            "repo",
        ),
        ("gh/a/b%2541", "invalid project slug 'gh/a/b%2541': repo contains '%'", "repo"),
        ("gh/a/..", "invalid project slug 'gh/a/..': repo must not be '..'", "repo"),
        ("gh/./b", "invalid project slug 'gh/./b': org must not be '.'", "org"),
        (
            "gh/a/b@c",
            "invalid project slug 'gh/a/b@c': repo contains invalid character '@': "
            "use letters, digits, '-', '_' and '.'",
            "repo",
        ),
        (
            "gh/acmé/b",
            "invalid project slug 'gh/acmé/b': org contains invalid character 'é': "
            "use letters, digits, '-', '_' and '.'",
            "org",
        ),
        (
            "circleci/acme-corp/x",
            "invalid project slug 'circleci/acme-corp/x': 'circleci' slugs need an organization "
            "ID as the org part (letters and digits such as '43G3lM5RtfFE7v5sa4nWAU', or a UUID), "
            "got 'acme-corp'; copy the slug from the project's settings page",
            "org",
        ),
        (
            f"circleci/{SHORT_ORG}/my_widgets",
            "'circleci' slugs need a project ID as the repo part",
            "repo",
        ),
        (
            f"circleci/{ORG_ID}/{PROJECT_ID[:-1]}",
            f"got '{PROJECT_ID[:-1]}'",
            "repo",
        ),
        (f"circleci/{'A' * 65}/{SHORT_PROJECT}", "need an organization ID", "org"),
        (f"circleci/{SHORT_ORG}/ {SHORT_PROJECT}", "need a project ID", "repo"),
        (f"circleci//{PROJECT_ID}", "org part is empty", "org"),
    ],
)
def test_parse_errors(text: str, message: str, part: str | None) -> None:
    with pytest.raises(InvalidProjectSlugError) as info:
        ProjectSlug.parse(text)
    assert message in str(info.value)
    assert info.value.part == part
    with pytest.raises(InvalidProjectSlugError):
        validate_project_slug(text)


@pytest.mark.parametrize(
    ("org", "repo", "message"),
    [
        ("", "w", "invalid project slug 'gh//w': org part is empty"),
        ("acme", "", "invalid project slug 'gh/acme/': repo part is empty"),
        ("ac/me", "w", "invalid project slug 'gh/ac/me/w': org contains '/'"),
        ("acme", "my repo", "invalid project slug 'gh/acme/my repo': repo contains whitespace"),
        ("acme", "w\t", "repo contains whitespace"),
        ("acme", "a%2Fb", "repo contains '%'"),
    ],
)
def test_github_constructor_errors(org: str, repo: str, message: str) -> None:
    with pytest.raises(InvalidProjectSlugError) as info:
        ProjectSlug.github(org, repo)
    assert message in str(info.value)


def test_constructor_does_not_decode_escapes() -> None:
    with pytest.raises(InvalidProjectSlugError, match="repo contains '%'"):
        ProjectSlug("gh", "acme", "a%2Db")


def test_bitbucket_constructor_error() -> None:
    with pytest.raises(InvalidProjectSlugError, match="repo part is empty"):
        ProjectSlug.bitbucket("acme", "")


def test_circleci_constructor_errors() -> None:
    with pytest.raises(InvalidProjectSlugError, match=r"got 'acme\.corp'"):
        ProjectSlug.circleci("acme.corp", PROJECT_ID)
    with pytest.raises(InvalidProjectSlugError, match="project ID"):
        ProjectSlug.circleci(ORG_ID, "wid-gets")
    with pytest.raises(InvalidProjectSlugError, match="organization ID"):
        ProjectSlug.circleci("{" + ORG_ID + "}", PROJECT_ID)


def test_unknown_vcs_in_constructor() -> None:
    with pytest.raises(InvalidProjectSlugError, match="unknown VCS 'gl' in 'gl/a/b'") as info:
        ProjectSlug("gl", "a", "b")
    assert info.value.part == "vcs"


def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        ProjectSlug.parse(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        validate_project_slug(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="repo must be a str"):
        ProjectSlug("gh", "acme", 7)  # type: ignore[arg-type]
