"""Use case: manage a project's outbound webhooks: create, list, rotate the secret, delete."""

import os
import secrets

from circleci_client import AuthenticatedClient, BadRequestError
from circleci_client.api.project import get_project_by_slug
from circleci_client.api.webhook import (
    create_webhook,
    delete_webhook,
    get_webhooks,
    update_webhook,
)
from circleci_client.models.webhook_event_type import WebhookEventType
from circleci_client.models.webhook_input import WebhookInput
from circleci_client.models.webhook_scope import WebhookScope
from circleci_client.models.webhook_scope_type import WebhookScopeType
from circleci_client.models.webhook_update import WebhookUpdate


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Create a webhook, list the project's webhooks, rotate the secret, delete the webhook."""
    # --8<-- [start:create]
    project = get_project_by_slug.sync(project_slug, client=client)
    # Keep the secret out of the code: a secret store, or a new random one you store there.
    secret = os.environ.get("CIRCLECI_WEBHOOK_SECRET") or secrets.token_hex(32)
    body = WebhookInput(
        name="deploy-notifier",
        url="https://hooks.example.com/circleci",
        events=[WebhookEventType.WORKFLOW_COMPLETED, WebhookEventType.JOB_COMPLETED],
        verify_tls=True,
        signing_secret=secret,
        scope=WebhookScope(id=project.id, type_=WebhookScopeType.PROJECT),
    )
    try:
        hook = create_webhook.sync(client=client, body=body)
    except BadRequestError as exc:  # e.g. the project has 5 webhooks already
        print(f"not created: {exc}")
        return
    print(f"created {hook.name} for {', '.join(str(e) for e in hook.events)}")
    print(f"the secret comes back masked: {hook.signing_secret != secret}")
    # --8<-- [end:create]

    # --8<-- [start:list]
    webhooks = get_webhooks.iter_items(
        client=client, scope_id=project.id, scope_type=WebhookScopeType.PROJECT
    )
    for webhook in webhooks:
        print(f"webhook {webhook.name} -> {webhook.url} (verify TLS: {webhook.verify_tls})")
    # --8<-- [end:list]

    # --8<-- [start:rotate]
    # Rotate: let the receiver accept both secrets, set the new one, then drop the old one.
    new_secret = secrets.token_hex(32)
    update_webhook.sync(hook.id, client=client, body=WebhookUpdate(signing_secret=new_secret))
    print("rotated the signing secret; the receiver accepts [new, old] until the old is gone")
    # --8<-- [end:rotate]

    delete_webhook.sync(hook.id, client=client)
    print(f"deleted {hook.name}")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
