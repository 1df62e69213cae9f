"""Handlers of the ten context operations, registered with the stand-in's routes on import.

The stand-in's rules, which tests rely on (state in :mod:`tests.standin.contexts`):

* **Owners.** ``listContexts`` takes ``owner-id`` (an organization ID) or ``owner-slug``
  (``gh/acme``, ``github/acme``, ``circleci/<org-id>``); given both, ``owner-id`` counts. No
  owner, or one that cannot be found, is 404; so is ``owner-type=account`` (the stand-in is
  cloud: it has no accounts). ``createContext`` reads ``owner`` the same way.
* **Names.** A context name has 1 to 200 characters, no leading, trailing or vertical
  whitespace (400 otherwise), and is unique within its owner (409). An owner has at most 500
  contexts (400).
* **Variables.** Names match ``[A-Za-z_][A-Za-z0-9_]*`` and have at most 300 characters; values
  are strings of at most 32,768 characters (empty is fine). ``PUT`` creates or replaces
  (``created_at`` stays, ``updated_at`` moves); a context holds at most 100 variables, and
  replacing one of them still works at the limit. Values are never served.
* **Restrictions.** ``project`` takes the ID of a project of the context's owner (404
  otherwise), ``expression`` any expression, ``group`` any group ID, each with a character that
  is not whitespace (400 otherwise). The same type and value twice is 409. Deleting a context
  deletes its variables and restrictions.
* Unknown or malformed context and restriction IDs are 404. Unknown body fields are ignored.
"""

from __future__ import annotations

import re
from typing import Any

from tests.standin import wire
from tests.standin.contexts import (
    MAX_CONTEXTS_PER_OWNER,
    MAX_VARIABLES_PER_CONTEXT,
    ContextVariable,
    Owner,
    Restriction,
    StoredContext,
)
from tests.standin.handler_kit import ApiError, Ctx, Reply, canonical_uuid, ok, op
from tests.standin.world import VCS_ALIASES

VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
MAX_VARIABLE_NAME = 300
MAX_VALUE = 32_768
MAX_CONTEXT_NAME = 200
# The name rule is the spec's pattern ``^[^\s]([^\n\r\v\f]*[^\s])?$``, read as OpenAPI reads
# patterns (ECMAScript): ``\s`` is this set, which leaves out U+001C-U+001F and U+0085, both of
# which Python's ``str.strip`` would remove.
ECMA_SPACE = frozenset(
    "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
    + "".join(chr(code) for code in range(0x2000, 0x200B))
)
VERTICAL_WHITESPACE = re.compile(r"[\n\r\v\f]")
RESTRICTION_TYPES = ("project", "expression", "group")
JSON = dict[str, Any]


def context_json(context: StoredContext) -> JSON:
    """Serialize a context."""
    return {"id": context.id, "name": context.name, "created_at": wire.ts(context.created_at)}


def variable_json(context: StoredContext, variable: ContextVariable) -> JSON:
    """Serialize a variable: never its value."""
    return {
        "variable": variable.name,
        "created_at": wire.ts(variable.created_at),
        "updated_at": wire.ts(variable.updated_at),
        "context_id": context.id,
    }


def restriction_json(context: StoredContext, restriction: Restriction) -> JSON:
    """Serialize a restriction."""
    return {
        "id": restriction.id,
        "context_id": context.id,
        "project_id": restriction.project_id,
        "name": restriction.name,
        "restriction_type": restriction.type,
        "restriction_value": restriction.value,
    }


def canonical_org_slug(slug: str) -> str | None:
    """``github/acme`` -> ``gh/acme``; None when it is not an organization slug."""
    parts = slug.split("/")
    if len(parts) != 2 or parts[0].lower() not in VCS_ALIASES or not parts[1]:
        return None
    return f"{VCS_ALIASES[parts[0].lower()]}/{parts[1]}"


def _body(ctx: Ctx) -> JSON:
    """The JSON object body; fields the operation does not know are ignored, as CircleCI does."""
    if not ctx.body.strip():
        raise ApiError(400, "A JSON request body is required")
    return ctx.json_object()


def _context(ctx: Ctx) -> StoredContext:
    """The context of the ``context_id`` parameter, or 404."""
    found = ctx.world.contexts.contexts.get(canonical_uuid(ctx.params["context_id"]) or "")
    if found is None:
        raise ApiError(404, "Context not found")
    return found


def _find_owner(ctx: Ctx, owner_id: Any, slug: Any, owner_type: Any) -> Owner:
    """The owner an ID or a slug names (the ID counts when both are given), or 404."""
    store = ctx.world.contexts
    found: Owner | None = None
    if owner_type != "organization":
        found = None
    elif isinstance(owner_id, str) and owner_id:
        found = store.owners.get(canonical_uuid(owner_id) or "")
    elif isinstance(slug, str) and slug:
        canonical = canonical_org_slug(slug)
        found = store.owner_by_slug(canonical) if canonical else None
    if found is None:
        raise ApiError(404, "Owner not found: give the owner-id or owner-slug of an organization")
    return found


def _owner_from_query(ctx: Ctx) -> Owner:
    """The owner ``listContexts`` names (see the rules in the module docstring)."""
    owner_type = ctx.query.get("owner-type") or "organization"
    if owner_type not in ("organization", "account"):
        raise ApiError(400, "owner-type must be organization or account")
    return _find_owner(ctx, ctx.query.get("owner-id"), ctx.query.get("owner-slug"), owner_type)


def _owner_from_body(ctx: Ctx, owner: Any) -> Owner:
    """The owner of a new context (``owner.id`` or ``owner.slug``; other fields are ignored)."""
    if not isinstance(owner, dict):
        raise ApiError(400, "Field owner must be an object with id or slug")
    owner_type = owner.get("type", "organization")
    if owner_type not in ("organization", "account"):
        raise ApiError(400, "owner.type must be organization or account")
    owner_id = owner.get("id")
    if owner_id is not None and (not isinstance(owner_id, str) or not canonical_uuid(owner_id)):
        raise ApiError(400, "owner.id must be a UUID")
    return _find_owner(ctx, owner_id, owner.get("slug"), owner_type)


def check_context_name(name: Any) -> str:
    """The name when CircleCI accepts it, else 400."""
    if not isinstance(name, str):
        raise ApiError(400, "Field name must be a string")
    if not name or len(name) > MAX_CONTEXT_NAME or all(char in ECMA_SPACE for char in name):
        raise ApiError(400, "A context name has 1 to 200 characters, not all whitespace")
    if name[0] in ECMA_SPACE or name[-1] in ECMA_SPACE or VERTICAL_WHITESPACE.search(name):
        raise ApiError(400, "A context name has no leading, trailing or vertical whitespace")
    return name


def check_variable_name(name: str) -> str:
    """The variable name when CircleCI accepts it, else 400."""
    if len(name) > MAX_VARIABLE_NAME or not VARIABLE_NAME.match(name):
        raise ApiError(
            400,
            "An environment variable name starts with a letter or _, has only letters, "
            "digits and _, and at most 300 characters",
        )
    return name


@op("GET", "/context", "listContexts")
def list_contexts(ctx: Ctx) -> Reply:
    """``GET /context?owner-id=|owner-slug=``: the owner's contexts, oldest first."""
    owner = _owner_from_query(ctx)
    return ok(ctx.page(ctx.world.contexts.of_owner(owner.id), context_json))


@op("POST", "/context", "createContext")
def create_context(ctx: Ctx) -> Reply:
    """``POST /context``: a new context (200, as CircleCI answers)."""
    data = _body(ctx)
    if "name" not in data or "owner" not in data:
        raise ApiError(400, "Fields name and owner are required")
    name = check_context_name(data["name"])
    owner = _owner_from_body(ctx, data["owner"])
    store = ctx.world.contexts
    if store.named(owner.id, name) is not None:
        raise ApiError(409, f"A context named {name} already exists")
    if len(store.of_owner(owner.id)) >= MAX_CONTEXTS_PER_OWNER:
        raise ApiError(400, "An organization has at most 500 contexts")
    return ok(context_json(store.create(owner, name, ctx.world.tick())))


@op("GET", "/context/{context_id}", "getContext")
def get_context(ctx: Ctx) -> Reply:
    """``GET /context/{id}``."""
    return ok(context_json(_context(ctx)))


@op("DELETE", "/context/{context_id}", "deleteContext")
def delete_context(ctx: Ctx) -> Reply:
    """``DELETE /context/{id}``: with its variables and restrictions."""
    context = _context(ctx)
    del ctx.world.contexts.contexts[context.id]
    return ok(wire.message("Context deleted."))


@op("GET", "/context/{context_id}/environment-variable", "listEnvironmentVariablesFromContext")
def list_variables(ctx: Ctx) -> Reply:
    """``GET /context/{id}/environment-variable``: by name, without values."""
    context = _context(ctx)
    variables = sorted(context.variables.values(), key=lambda v: v.name)
    return ok(ctx.page(variables, lambda v: variable_json(context, v)))


@op(
    "PUT",
    "/context/{context_id}/environment-variable/{env_var_name}",
    "addEnvironmentVariableToContext",
)
def put_variable(ctx: Ctx) -> Reply:
    """``PUT /context/{id}/environment-variable/{name}``: create or replace."""
    context = _context(ctx)
    name = check_variable_name(ctx.params["env_var_name"])
    data = _body(ctx)
    value = data.get("value")
    if not isinstance(value, str):
        raise ApiError(400, "Field value is required and must be a string")
    if len(value) > MAX_VALUE:
        raise ApiError(400, "An environment variable value has at most 32768 characters")
    if name not in context.variables and len(context.variables) >= MAX_VARIABLES_PER_CONTEXT:
        raise ApiError(400, "A context has at most 100 environment variables")
    variable = ctx.world.contexts.put_variable(context, name, value, ctx.world.tick())
    return ok(variable_json(context, variable))


@op(
    "DELETE",
    "/context/{context_id}/environment-variable/{env_var_name}",
    "deleteEnvironmentVariableFromContext",
)
def delete_variable(ctx: Ctx) -> Reply:
    """``DELETE /context/{id}/environment-variable/{name}``."""
    context = _context(ctx)
    if context.variables.pop(ctx.params["env_var_name"], None) is None:
        raise ApiError(404, "Environment variable not found")
    return ok(wire.message("Environment variable deleted."))


@op("GET", "/context/{context_id}/restrictions", "getContextRestrictions")
def list_restrictions(ctx: Ctx) -> Reply:
    """``GET /context/{id}/restrictions``: in the order they were added."""
    context = _context(ctx)
    return ok(ctx.page(context.restrictions, lambda r: restriction_json(context, r)))


@op("POST", "/context/{context_id}/restrictions", "createContextRestriction")
def create_restriction(ctx: Ctx) -> Reply:
    """``POST /context/{id}/restrictions``: 201; the same one twice is 409."""
    context = _context(ctx)
    data = _body(ctx)
    kind, value = data.get("restriction_type"), data.get("restriction_value")
    if kind not in RESTRICTION_TYPES:
        raise ApiError(400, "restriction_type must be project, expression or group")
    if not isinstance(value, str) or all(char in ECMA_SPACE for char in value):
        raise ApiError(400, "restriction_value must have a character that is not whitespace")
    name, project_id = value, None
    if kind == "project":
        project_id = canonical_uuid(value)
        project = next(
            (
                p
                for p in ctx.world.projects.values()
                if p.id == project_id and p.organization_id == context.owner_id
            ),
            None,
        )
        if project is None:
            raise ApiError(404, "Project not found: give the ID of a project of the owner")
        name, value = project.name, project.id
    if any(r.type == kind and r.value == value for r in context.restrictions):
        raise ApiError(409, "Restriction already exists.")
    store = ctx.world.contexts
    restriction = Restriction(store.new_id("restriction"), kind, value, name, project_id)
    context.restrictions.append(restriction)
    return ok(restriction_json(context, restriction), 201)


@op("DELETE", "/context/{context_id}/restrictions/{restriction_id}", "deleteContextRestriction")
def delete_restriction(ctx: Ctx) -> Reply:
    """``DELETE /context/{id}/restrictions/{restriction_id}``."""
    context = _context(ctx)
    wanted = canonical_uuid(ctx.params["restriction_id"])
    found = next((r for r in context.restrictions if r.id == wanted), None)
    if found is None:
        raise ApiError(404, "Restriction not found")
    context.restrictions.remove(found)
    return ok(wire.message("Restriction deleted."))
