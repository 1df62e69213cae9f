"""Trigger any project with one call: the helper picks the endpoint from the slug's form."""

from circleci_client import AuthenticatedClient, InvalidPipelineParameterError
from circleci_client.pipelines import NotTriggered, Triggered, trigger_pipeline


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Trigger a pipeline with parameters, then show a parameter CircleCI would refuse."""
    # --8<-- [start:trigger]
    result = trigger_pipeline(
        client, project_slug, branch="main", parameters={"deploy": True, "replicas": 3}
    )
    match result:
        case Triggered(number=number, state=state, operation=operation):
            print(f"pipeline #{number} is {state} (via {operation})")
        case NotTriggered(message=message):
            print(f"no pipeline was created: {message}")
    # --8<-- [end:trigger]

    # --8<-- [start:refused]
    try:
        trigger_pipeline(client, project_slug, parameters={"ratio": 0.5})  # type: ignore[dict-item]
    except InvalidPipelineParameterError as exc:
        print(f"refused before sending: {exc.name}")
    # --8<-- [end:refused]


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
