"""Tutorial steps 3 to 5: trigger a pipeline plainly, on a branch, and with parameters."""

from circleci_client import AuthenticatedClient
from circleci_client.api.pipeline import get_pipeline_by_id, trigger_pipeline
from circleci_client.models.trigger_pipeline_parameters import TriggerPipelineParameters


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Trigger three pipelines and read back the branch and parameters of the last ones."""
    # --8<-- [start:plain]
    created = trigger_pipeline.sync(project_slug, client=client)
    print(f"plain: pipeline #{created.number} is {created.state}")
    # --8<-- [end:plain]

    # --8<-- [start:branch]
    on_branch = trigger_pipeline.sync(
        project_slug, client=client, body=TriggerPipelineParameters(branch="feature/login")
    )
    pipeline = get_pipeline_by_id.sync(on_branch.id, client=client)
    branch = pipeline.vcs.branch if pipeline.vcs else None
    print(f"branch: pipeline #{pipeline.number} runs on {branch}")
    # --8<-- [end:branch]

    # --8<-- [start:parameters]
    parameters = {"image-tag": "4.8.2"}
    with_parameters = trigger_pipeline.sync(
        project_slug,
        client=client,
        body=TriggerPipelineParameters(branch="main", parameters=parameters),
    )
    pipeline = get_pipeline_by_id.sync(with_parameters.id, client=client)
    received = pipeline.trigger_parameters.to_dict() if pipeline.trigger_parameters else {}
    print(f"parameters: pipeline #{pipeline.number} got {received}")
    # --8<-- [end:parameters]


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
