"""A stateful stand-in for the CircleCI API v2, served over real HTTP for tests.

Modules: ``world`` (one import for the world: ``entities`` the records, ``state`` the
:class:`World` and its lookups, ``changes`` its state changes, ``seeding`` the deterministic
seed, ``derived`` config files and keys derived from names), ``handlers`` (the 37 operations),
``runcontrol`` (triggering runs, approving, continuing), ``engine`` (triggered pipelines run
on a clock), ``contexts`` and ``context_handlers`` (the ten context operations and their
state), ``routing`` (raw-path matcher),
``wire`` (JSON shapes), ``insights`` (metrics from stored runs), ``tokens`` (signed page
tokens), ``faults`` (fault injection), ``reqlog`` (request logs), ``validation`` (responses
against openapi.yaml), ``app`` (API Starlette app), ``hosts`` (artifact and foreign hosts),
``server`` (:class:`~tests.standin.server.Standin`) and ``__main__``
(``python -m tests.standin --port 8080 --token T``).

Typical use::

    with Standin() as standin:
        httpx.get(f"{standin.base_url}/me", headers={"Circle-Token": standin.token})
"""
