"""Walk paginated lists lazily: item by item, page by page, or by hand."""

from circleci_client import AuthenticatedClient
from circleci_client.api.pipeline import list_pipelines_for_project


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Count, sample and page through a project's pipelines."""
    # Items: pages are fetched only as the loop needs them; max_items stops early.
    newest = [
        p.number
        for p in list_pipelines_for_project.iter_items(project_slug, client=client, max_items=3)
    ]
    print("three newest:", newest)

    # Every item of every page, with a filter the API applies server-side.
    on_branch = list_pipelines_for_project.iter_items(
        project_slug, client=client, branch="feature/login"
    )
    print("pipelines on feature/login:", sum(1 for _ in on_branch))

    # Pages: useful to report progress, or to stop after a budget of requests.
    for index, page in enumerate(
        list_pipelines_for_project.iter_pages(project_slug, client=client, max_pages=2), 1
    ):
        more = "more to come" if page.next_page_token else "last page"
        print(f"page {index}: {len(page.items)} pipelines, {more}")

    # By hand, with the token from the previous page.
    first = list_pipelines_for_project.sync(project_slug, client=client)
    if first.next_page_token:
        second = list_pipelines_for_project.sync(
            project_slug, client=client, page_token=first.next_page_token
        )
        print("second page starts at pipeline", second.items[0].number)


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
