"""The project settings operations over HTTP on the stand-in: three path segments, partial
changes, the list that a change replaces, 400/404, and no retry of a PATCH after a 5xx."""

from __future__ import annotations

import json

import httpx
import pytest
from circleci_client import (
    AuthenticatedClient,
    BadRequestError,
    InvalidPathParameterError,
    InvalidProjectSlugError,
    NotFoundError,
    ServerError,
)
from circleci_client.api.project import get_project_settings, patch_project_settings
from circleci_client.models.advanced_settings import AdvancedSettings
from circleci_client.models.project_settings import ProjectSettings
from circleci_client.types import UNSET

from tests.clients import standin_client
from tests.covered import covered_operations, covers
from tests.operations import SETTINGS_AND_USAGE_OPERATIONS
from tests.standin.server import Standin


def _advanced(settings: ProjectSettings) -> AdvancedSettings:
    assert isinstance(settings.advanced, AdvancedSettings)
    return settings.advanced


def test_get_sends_three_segments_and_reads_every_setting(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getProjectSettings")
    advanced = _advanced(get_project_settings.sync("github", "acme", "widgets", client=client))
    assert advanced.set_github_status is True and advanced.autocancel_builds is False
    assert advanced.pr_only_branch_overrides == ["main"]
    record = standin.requests.api.filter(operation="getProjectSettings")[-1]
    assert record.raw_path == "/api/v2/project/gh/acme/widgets/settings"  # github -> gh


def test_a_github_app_project_is_reached_by_its_ids(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getProjectSettings")
    provider, organization, project = standin.world.facts.circleci_slug.split("/")
    settings = get_project_settings.sync(provider, organization, project, client=client)
    assert _advanced(settings).oss is False
    record = standin.requests.api.filter(operation="getProjectSettings")[-1]
    assert record.raw_path == f"/api/v2/project/circleci/{organization}/{project}/settings"


def test_patch_changes_only_the_named_settings_and_keeps_them(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("patchProjectSettings", "getProjectSettings")
    sent: list[httpx.Request] = []
    hooks = {"event_hooks": {"request": [sent.append]}}
    change = ProjectSettings(advanced=AdvancedSettings(autocancel_builds=True))
    with standin_client(standin, httpx_args=hooks) as recording:
        patched = patch_project_settings.sync(
            "gh", "acme", "widgets", client=recording, body=change
        )
    answer = _advanced(patched)
    assert answer.autocancel_builds is True and answer.set_github_status is True
    assert json.loads(sent[-1].content) == {"advanced": {"autocancel_builds": True}}
    again = _advanced(get_project_settings.sync("gh", "acme", "widgets", client=client))
    assert again == answer
    other = _advanced(get_project_settings.sync("bb", "acme", "legacy-app", client=client))
    assert other.autocancel_builds is False


def test_patch_replaces_the_branch_list(client: AuthenticatedClient) -> None:
    covers("patchProjectSettings")
    branches = ["main", "release/1.x"]
    change = AdvancedSettings(build_prs_only=True, pr_only_branch_overrides=branches)
    patch_project_settings.sync(
        "gh", "acme", "widgets", client=client, body=ProjectSettings(advanced=change)
    )
    shrink = ProjectSettings(advanced=AdvancedSettings(pr_only_branch_overrides=["main"]))
    answer = _advanced(
        patch_project_settings.sync("gh", "acme", "widgets", client=client, body=shrink)
    )
    assert answer.pr_only_branch_overrides == ["main"] and answer.build_prs_only is True


def test_an_empty_change_changes_nothing(client: AuthenticatedClient) -> None:
    covers("patchProjectSettings")
    before = get_project_settings.sync("gh", "acme", "widgets", client=client)
    after = patch_project_settings.sync(
        "gh", "acme", "widgets", client=client, body=ProjectSettings()
    )
    assert after == before and isinstance(ProjectSettings().advanced, type(UNSET))


def test_a_setting_of_the_wrong_type_is_400_and_changes_nothing(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("patchProjectSettings")
    http = client.get_httpx_client()
    answer = http.patch("/project/gh/acme/widgets/settings", json={"advanced": {"oss": "yes"}})
    assert answer.status_code == 400 and "advanced.oss" in answer.json()["message"]
    assert _advanced(get_project_settings.sync("gh", "acme", "widgets", client=client)).oss is False
    response = patch_project_settings.sync_detailed(
        "gh",
        "acme",
        "widgets",
        client=client,
        body=ProjectSettings.from_dict({"advanced": {"pr_only_branch_overrides": [""]}}),
    )
    assert response.status_code == 400
    with pytest.raises(BadRequestError, match="pr_only_branch_overrides"):
        patch_project_settings.sync(
            "gh",
            "acme",
            "widgets",
            client=client,
            body=ProjectSettings.from_dict({"advanced": {"pr_only_branch_overrides": [""]}}),
        )


def test_an_unknown_project_is_404(client: AuthenticatedClient) -> None:
    covers("getProjectSettings", "patchProjectSettings")
    with pytest.raises(NotFoundError):
        get_project_settings.sync("gh", "acme", "nope", client=client)
    with pytest.raises(NotFoundError):
        patch_project_settings.sync(
            "gh", "acme", "nope", client=client, body=ProjectSettings(advanced=AdvancedSettings())
        )


@pytest.mark.parametrize(
    ("provider", "organization", "project", "parameter"),
    [
        ("gh", "..", "widgets", "organization"),
        ("gh", "acme", "%2e%2E", "project"),
        ("gh", "acme/../x", "widgets", "organization"),
        (".", "acme", "widgets", "provider"),
    ],
)
def test_a_dot_segment_in_any_part_is_refused_before_sending(
    standin: Standin,
    client: AuthenticatedClient,
    provider: str,
    organization: str,
    project: str,
    parameter: str,
) -> None:
    covers("getProjectSettings")
    with pytest.raises(InvalidPathParameterError) as caught:
        get_project_settings.sync(provider, organization, project, client=client)
    assert caught.value.parameter == parameter
    assert "getProjectSettings" in str(caught.value)
    assert len(standin.requests.api) == 0


def test_a_slash_in_a_part_is_refused_naming_the_part(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getProjectSettings")
    with pytest.raises(InvalidProjectSlugError) as caught:
        get_project_settings.sync("gh", "acme", "widgets/settings", client=client)
    assert caught.value.parameter == "project"
    assert len(standin.requests.api) == 0


def test_patch_is_not_retried_after_a_server_error(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("patchProjectSettings")
    standin.faults.add("patchProjectSettings", status=503, times=1)
    change = ProjectSettings(advanced=AdvancedSettings(oss=True))
    with pytest.raises(ServerError):
        patch_project_settings.sync("gh", "acme", "widgets", client=client, body=change)
    assert len(standin.requests.api.filter(operation="patchProjectSettings")) == 1


async def test_async_get_and_patch(aclient: AuthenticatedClient) -> None:
    covers("getProjectSettings", "patchProjectSettings")
    change = ProjectSettings(advanced=AdvancedSettings(disable_ssh=True))
    await patch_project_settings.asyncio("gh", "acme", "widgets", client=aclient, body=change)
    settings = await get_project_settings.asyncio("gh", "acme", "widgets", client=aclient)
    assert _advanced(settings).disable_ssh is True


def test_every_project_settings_operation_has_a_test() -> None:
    wanted = {op for _, path, op in SETTINGS_AND_USAGE_OPERATIONS if path.endswith("/settings")}
    assert wanted == covered_operations(__file__)
