"""Turn world objects into the exact JSON shapes the CircleCI API v2 sends."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from tests.standin.world import (
    Artifact,
    CheckoutKey,
    Collaboration,
    EnvVar,
    Job,
    Pipeline,
    PipelineDefinition,
    Project,
    TestResult,
    User,
    Workflow,
    World,
    mask_value,
)

JSON = dict[str, Any]


def ts(value: datetime) -> str:
    """Format a timestamp the way the API does: ``2024-03-11T14:56:45Z``."""
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def ts_ms(value: datetime) -> str:
    """Format a timestamp with milliseconds, as Insights does: ``...T03:20:55.139Z``."""
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def opt_ts(value: datetime | None) -> str | None:
    """Format an optional timestamp (None stays null)."""
    return ts(value) if value is not None else None


def user(u: User) -> JSON:
    """Serialize a user (``GET /me``, ``GET /user/{id}``)."""
    return {"id": u.id, "login": u.login, "name": u.name, "avatar_url": u.avatar_url}


def collaboration(c: Collaboration) -> JSON:
    """Serialize a collaboration: ``vcs_type`` with an underscore, as CircleCI sends it."""
    return {
        "id": c.id,
        "vcs_type": c.vcs_type,
        "name": c.name,
        "avatar_url": c.avatar_url,
        "slug": c.slug,
    }


def project(p: Project) -> JSON:
    """Serialize a project."""
    return {
        "slug": p.slug,
        "name": p.name,
        "id": p.id,
        "organization_name": p.organization_name,
        "organization_slug": p.organization_slug,
        "organization_id": p.organization_id,
        "vcs_info": {
            "vcs_url": p.vcs_url,
            "provider": p.provider,
            "default_branch": p.default_branch,
        },
    }


def pipeline(world: World, p: Pipeline) -> JSON:
    """Serialize a pipeline (list items and ``GET /pipeline/{id}``)."""
    proj = world.projects[p.project_slug]
    actor = world.users[p.actor_id]
    vcs: JSON = {
        "provider_name": proj.provider,
        "target_repository_url": proj.vcs_url,
        "origin_repository_url": proj.vcs_url,
        "revision": p.revision,
        "commit": {"subject": p.commit_subject, "body": p.commit_body},
    }
    if p.branch is not None:
        vcs["branch"] = p.branch
    if p.tag is not None:
        vcs["tag"] = p.tag
    return {
        "id": p.id,
        "errors": [dict(e) for e in p.errors],
        "project_slug": p.project_slug,
        "updated_at": ts(p.updated_at),
        "number": p.number,
        "trigger_parameters": p.trigger_parameters,
        "state": p.state,
        "created_at": ts(p.created_at),
        "trigger": {
            "type": p.trigger_type,
            "received_at": ts(p.created_at),
            "actor": {"login": actor.login, "avatar_url": actor.avatar_url},
        },
        "vcs": vcs,
    }


def pipeline_creation(p: Pipeline) -> JSON:
    """Serialize the 201 body of triggerPipeline."""
    return {"id": p.id, "state": p.state, "number": p.number, "created_at": ts(p.created_at)}


def pipeline_definition(d: PipelineDefinition) -> JSON:
    """Serialize a pipeline definition (``listPipelineDefinitions``)."""
    repo = {"full_name": d.repo_full_name, "external_id": d.repo_external_id}
    return {
        "id": d.id,
        "name": d.name,
        "description": d.description,
        "created_at": ts(d.created_at),
        "config_source": {"provider": d.provider, "repo": repo, "file_path": d.file_path},
        "checkout_source": {"provider": d.provider, "repo": dict(repo)},
    }


def pipeline_config(p: Pipeline) -> JSON:
    """Serialize a pipeline's configuration."""
    return {"source": p.config_source, "compiled": p.config_compiled}


def workflow(w: Workflow) -> JSON:
    """Serialize a workflow."""
    out: JSON = {
        "pipeline_id": w.pipeline_id,
        "id": w.id,
        "name": w.name,
        "project_slug": w.project_slug,
        "status": w.status,
        "started_by": w.started_by,
        "pipeline_number": w.pipeline_number,
        "created_at": ts(w.created_at),
        "stopped_at": opt_ts(w.stopped_at),
    }
    if w.canceled_by is not None:
        out["canceled_by"] = w.canceled_by
    if w.errored_by is not None:
        out["errored_by"] = w.errored_by
    if w.tag is not None:
        out["tag"] = w.tag
    return out


def job(j: Job) -> JSON:
    """Serialize a job as listed in its workflow."""
    out: JSON = {
        "dependencies": list(j.dependencies),
        "id": j.id,
        "started_at": opt_ts(j.started_at),
        "name": j.name,
        "project_slug": j.project_slug,
        "status": j.status,
        "type": j.type,
        "stopped_at": opt_ts(j.stopped_at),
    }
    if j.job_number is not None:
        out["job_number"] = j.job_number
    if j.requires:
        out["requires"] = {k: list(v) for k, v in j.requires.items()}
    for key in ("approved_by", "canceled_by", "approval_request_id"):
        value = getattr(j, key)
        if value is not None:
            out[key] = value
    return out


def job_details(world: World, p: Project, j: Job) -> JSON:
    """Serialize ``GET /project/{slug}/job/{n}``."""
    wf = world.workflows[j.workflow_id]
    seconds = j.duration_seconds()
    messages: list[JSON] = []
    if j.status == "infrastructure_fail":
        messages.append(
            {"type": "warning", "message": "The executor was lost.", "reason": "infrastructure"}
        )
    return {
        "web_url": (
            f"https://app.circleci.com/pipelines/{p.slug}/{wf.pipeline_number}"
            f"/workflows/{wf.id}/jobs/{j.job_number}"
        ),
        "project": {"id": p.id, "slug": p.slug, "name": p.name, "external_url": p.vcs_url},
        "parallel_runs": [{"index": i, "status": j.status} for i in range(j.parallelism)],
        "started_at": opt_ts(j.started_at),
        "latest_workflow": {"id": wf.id, "name": wf.name},
        "name": j.name,
        "executor": {"resource_class": j.resource_class, "type": "docker"},
        "parallelism": j.parallelism,
        "status": j.status,
        "number": j.job_number,
        "pipeline": {"id": j.pipeline_id},
        "duration": seconds * 1000 if seconds is not None else None,
        "created_at": ts(j.created_at),
        "messages": messages,
        "contexts": [{"name": "aws-prod"}] if j.name == "deploy" else [],
        "organization": {"name": p.organization_name},
        "queued_at": ts(j.queued_at or j.created_at),
        "stopped_at": opt_ts(j.stopped_at),
    }


def artifact(a: Artifact, j: Job, artifact_base_url: str) -> JSON:
    """Serialize an artifact; its url points at the artifact host."""
    url = f"{artifact_base_url}/output/job/{j.id}/artifacts/{a.node_index}/{quote(a.path)}"
    return {"path": a.path, "node_index": a.node_index, "url": url}


def test_result(t: TestResult) -> JSON:
    """Serialize one test-metadata row."""
    return {
        "message": t.message,
        "source": t.source,
        "run_time": t.run_time,
        "file": t.file,
        "result": t.result,
        "name": t.name,
        "classname": t.classname,
    }


def env_var(e: EnvVar) -> JSON:
    """Serialize an env var with its value masked (``xxxx`` + last 4 characters)."""
    created = ts(e.created_at).replace("Z", ".000Z") if e.created_at is not None else None
    return {"name": e.name, "value": mask_value(e.value), "created-at": created}


def checkout_key(k: CheckoutKey, digest: str = "md5") -> JSON:
    """Serialize a checkout key, showing the fingerprint in the requested digest."""
    return {
        "public-key": k.public_key,
        "type": k.type,
        "fingerprint": k.sha256 if digest == "sha256" else k.md5,
        "preferred": k.preferred,
        "created-at": ts(k.created_at),
    }


def message(text: str) -> JSON:
    """Serialize a ``{"message": ...}`` body."""
    return {"message": text}
