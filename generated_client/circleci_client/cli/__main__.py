# Hand-written runtime module (not generated): edit it here.
"""``python -m circleci_client.cli``."""

from . import main

if __name__ == "__main__":  # importing the module (as pkgutil walks do) runs nothing
    main()
