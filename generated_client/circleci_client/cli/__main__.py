# Hand-written runtime module (not generated): edit it here.
"""``python -m circleci_client.cli``."""

from . import main

if __name__ == "__main__":
    main()
