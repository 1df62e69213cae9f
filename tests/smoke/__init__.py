"""The built wheel, installed in a virtual environment of its own and run against a stand-in.

``python -m tests.smoke dist/<wheel>`` (what ``nox -s build`` runs) makes the environment,
installs the wheel with its ``[cli]`` extra and nothing else, and runs :mod:`tests.smoke.installed`
there, outside the repository, with only what the sandbox tells a user to paste.
"""
