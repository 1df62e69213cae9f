"""How-to: a project's checkout keys: list, create a deploy key, fetch one, delete it."""

from circleci_client import AuthenticatedClient
from circleci_client.api.project import (
    create_checkout_key,
    delete_checkout_key,
    get_checkout_key,
    list_checkout_keys,
)
from circleci_client.models import FingerprintDigest


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """List the keys, add a deploy key, look it up by fingerprint, then delete it."""
    # --8<-- [start:list]
    for key in list_checkout_keys.iter_items(project_slug, client=client):
        preferred = " (preferred)" if key.preferred else ""
        print(f"{key.type_}{preferred}, created {key.created_at:%Y-%m-%d}")
    # --8<-- [end:list]

    # --8<-- [start:create]
    # "deploy-key" (read-only, this project only) or "user-key" (a user's access).
    key = create_checkout_key.sync(project_slug, client=client, body={"type": "deploy-key"})
    print(f"created a {key.type_}; its public key starts {key.public_key.split()[0]}")
    # --8<-- [end:create]

    # --8<-- [start:get]
    # Fingerprints are SHA-256 unless you ask for MD5 (digest=FingerprintDigest.MD5);
    # get_checkout_key and delete_checkout_key take either form.
    md5_keys = list_checkout_keys.iter_items(
        project_slug, client=client, digest=FingerprintDigest.MD5
    )
    md5 = next(k.fingerprint for k in md5_keys if k.public_key == key.public_key)
    same = get_checkout_key.sync(project_slug, md5, client=client)
    print(f"found by its MD5 fingerprint: {same.public_key == key.public_key}")
    # --8<-- [end:get]

    # --8<-- [start:delete]
    delete_checkout_key.sync(project_slug, key.fingerprint, client=client)
    left = list_checkout_keys.iter_items(project_slug, client=client)
    print(f"deleted; {sum(1 for _ in left)} keys left")
    # --8<-- [end:delete]


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
