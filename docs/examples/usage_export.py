"""Use case: export an organization's usage for a window and read the CSV files."""

import csv
import gzip
import tempfile
from datetime import UTC, datetime, timedelta

from circleci_client import AuthenticatedClient, InvalidUsageExportWindowError
from circleci_client.api.project import get_project_by_slug
from circleci_client.usage import export_usage


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Export the last 14 whole days of the project's organization, then count the rows."""
    org_id = str(get_project_by_slug.sync(project_slug, client=client).organization_id)

    # --8<-- [start:export]
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    start, end = today - timedelta(days=14), today - timedelta(seconds=1)
    with tempfile.TemporaryDirectory() as folder:
        export = export_usage(
            client,
            org_id,
            start,
            end,
            folder,
            poll_interval=15,  # CircleCI allows about ten polls a minute
            timeout=3600,
            on_poll=lambda job: print(f"export is {job.state}"),
        )
        for path in export.files:  # gzip-compressed CSV, one or more parts
            with gzip.open(path, "rt", encoding="utf-8", newline="") as text:
                rows = list(csv.DictReader(text))
            print(f"{path.name}: {len(rows)} rows, columns start {list(rows[0])[:3]}")
    # --8<-- [end:export]

    # --8<-- [start:refused]
    try:
        export_usage(client, org_id, start - timedelta(days=30), end, "usage")
    except InvalidUsageExportWindowError as exc:  # 44 days: CircleCI exports 31 at most
        print(f"refused before sending: {'at most 31 days' in str(exc)}")
    # --8<-- [end:refused]


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
