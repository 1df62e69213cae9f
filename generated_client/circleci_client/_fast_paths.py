# Hand-written runtime module (not generated): edit it here.
"""Every speed trick of the package, each a faster way to get the standard library's result.

``tests/test_fast_paths.py`` pins each one to the standard behaviour, and ``nox -s bench``
shows its gain (see ``docs/performance.md``). A trick whose gain the benchmark cannot show
does not belong here.

* :func:`parse_uuid`: ``uuid.UUID(text)`` in half the time (the two slots filled directly; its
  fast path is repeated inline in ``from_dict``);
* :func:`enum_member` / :func:`enum_members` / :func:`open_enum_member`: enum members looked up
  in a dictionary (inline in ``from_dict``), and members for values the spec does not list made
  with ``str.__new__``;
* :func:`absolute_url`: an operation path joined to the client's base URL once per base URL
  object and path, not on every request;
* :func:`skip_absent_sniffio`: a missing optional module is looked for once, not on every
  async request;
* :class:`ReadableProbe`: whether an idle async connection's socket is readable, asked of the
  socket found once rather than through anyio's attribute lookup on every request;
* :func:`new_model`: generated ``from_dict`` methods make the instance without calling the attrs
  ``__init__`` and store every field themselves (in ``generator/templates/model.py.jinja``);
* :func:`missing_attribute`: a parsed model's empty ``additional_properties`` is made on first
  use, not by ``from_dict``.
* :class:`CookieClient` / :class:`AsyncCookieClient`: the client's cookie jar is consulted
  only for responses that set a cookie (httpx hands every response to the jar, which costs
  more than a whole layer of the client's own transports);
"""

from __future__ import annotations

import sys
from _thread import allocate_lock
from collections.abc import Callable
from enum import Enum
from http.cookiejar import CookieJar
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from ._paths import refuse_rewritten_path

E = TypeVar("E", bound=Enum)
M = TypeVar("M")

# -- models built without __init__ -------------------------------------------------------------
#
# A model's attrs ``__init__`` only stores its arguments and makes the ``additional_properties``
# dictionary: the models have no validators, converters, ``on_setattr`` hooks or
# ``__attrs_post_init__`` (tests/test_fast_paths.py checks each model class). ``from_dict`` already
# holds every checked value, so it makes the bare instance and stores each field, including a
# fresh ``additional_properties`` dictionary: the same object ``__init__`` would build, for about
# two thirds of the cost (no call, no argument binding, no factory call).

if TYPE_CHECKING:

    def new_model(cls: type[M], /) -> M:
        """A bare instance of the model class ``cls``: ``from_dict`` stores every field."""

else:
    new_model = object.__new__

# -- additional_properties made on first use ---------------------------------------------------
#
# Most objects the API sends have no undocumented key, yet each model carried its own empty
# ``additional_properties`` dictionary: one allocation in three of a parsed page, and with it a
# third of the cyclic collector's passes over the page. ``from_dict`` now leaves the slot unset
# when there is nothing to keep, and the model's ``__getattr__`` (called only when the slot is
# unset) makes the dictionary on first use, so every reader (attribute, ``model[key]``, equality,
# ``repr``, ``to_dict``, pickling, ``attrs.asdict``) sees a dictionary of its own, as before.

_first_use = allocate_lock()


def missing_attribute(model: object, name: str) -> Any:
    """``__getattr__`` of the models: ``additional_properties`` is made (empty) and kept on first
    use; any other missing attribute raises ``AttributeError`` as Python's own lookup does."""
    if name != "additional_properties":
        message = f"{type(model).__name__!r} object has no attribute {name!r}"
        raise AttributeError(message, name=name, obj=model)
    with _first_use:  # two threads reading it first at once must share one dictionary
        try:
            return object.__getattribute__(model, name)  # made by the other thread meanwhile
        except AttributeError:
            extras: dict[str, Any] = {}
            object.__setattr__(model, name, extras)
            return extras


# -- UUIDs -------------------------------------------------------------------------------------
#
# Insights and job listings carry an id on every item, and ``uuid.UUID.__init__`` is the largest
# single cost of parsing them. When the text without its dashes is 32 characters that read as a
# hexadecimal number (the form the API sends), the number is decoded here with the same steps
# ``uuid.UUID`` takes; any other text goes to ``uuid.UUID`` itself, so its checks and error
# messages are unchanged. ``UUID`` refuses attribute assignment, so its two slots are filled
# through their descriptors: :data:`set_uuid_int` and :data:`set_uuid_safe` (with
# :data:`UUID_SAFE_UNKNOWN`, what ``uuid.UUID(text)`` stores). Generated ``from_dict`` methods
# repeat :func:`parse_uuid`'s fast path inline (``generator/templates/property_templates/
# uuid_property.py.jinja``) and call it for anything else. These names are made on first use
# (``__getattr__`` below): the uuid module (and the platform module it loads) waits for the
# first model that has an id.

if TYPE_CHECKING:
    from uuid import UUID, SafeUUID

    parse_uuid: Callable[[Any], UUID]
    set_uuid_int: Callable[[UUID, int], None]
    set_uuid_safe: Callable[[UUID, SafeUUID], None]
    UUID_SAFE_UNKNOWN: SafeUUID

_UUID_NAMES = ("parse_uuid", "set_uuid_int", "set_uuid_safe", "UUID_SAFE_UNKNOWN")


def _uuid_helpers() -> dict[str, Any]:
    from uuid import UUID, SafeUUID

    new = object.__new__
    set_int = vars(UUID)["int"].__set__
    set_is_safe = vars(UUID)["is_safe"].__set__
    unknown = SafeUUID.unknown

    def parse_uuid(text: Any) -> UUID:
        """Parse a UUID the API sent: equal to ``uuid.UUID(text)`` for every string, errors
        included.

        Raises ``ValueError`` for malformed text and ``TypeError`` for a value that is not a
        string.
        """
        if text.__class__ is not str and not isinstance(text, str):
            raise TypeError(f"a UUID must be a string, not {type(text).__name__}")
        digits = text.replace("-", "")
        if len(digits) == 32:
            try:
                number = int(digits, 16)
            except ValueError:
                return UUID(text)  # raises with uuid's own message
            value: UUID = new(UUID)
            set_int(value, number)
            set_is_safe(value, unknown)
            return value
        return UUID(text)

    return dict(
        zip(_UUID_NAMES, (parse_uuid, set_int, set_is_safe, unknown), strict=True),
    )


def __getattr__(name: str) -> Any:
    """Make the UUID helpers on first use."""
    if name in _UUID_NAMES:
        helpers = _uuid_helpers()
        globals().update(helpers)
        return helpers[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- enum members ------------------------------------------------------------------------------
#
# Members of each enum by value, filled on first use: the documented ones, then up to
# MAX_REMEMBERED_UNKNOWN values the API sent that the spec does not list. Looking a value up here
# costs a fraction of calling the enum class, which matters for pages of hundreds of jobs or runs.

_members_by_enum: dict[type[Enum], dict[Any, Any]] = {}

MAX_REMEMBERED_UNKNOWN = 64
"""Unknown values remembered per enum; further ones are still parsed, just not remembered."""


def enum_member(enum_cls: type[E], value: Any) -> E:
    """The member of ``enum_cls`` for ``value``: the same result as ``enum_cls(value)``, faster.

    Unknown strings become open members (see :func:`open_enum_member`); anything else raises
    ``ValueError`` as the enum class itself does.
    """
    try:
        return cast(E, _members_by_enum[enum_cls][value])
    except (KeyError, TypeError):
        pass
    member = enum_cls(value)
    members = enum_members(enum_cls)
    if len(members) < len(enum_cls._value2member_map_) + MAX_REMEMBERED_UNKNOWN:
        members[value] = member
    return member


def enum_members(enum_cls: type[E]) -> dict[Any, E]:
    """The members of ``enum_cls`` by value that :func:`enum_member` looks up (documented ones,
    then remembered unknown ones); generated ``from_dict`` methods look values up in it inline
    and call :func:`enum_member` for any value it lacks."""
    members = _members_by_enum.get(enum_cls)
    if members is None:
        members = _members_by_enum[enum_cls] = dict(enum_cls._value2member_map_)
    return members


def open_enum_member(enum_cls: type[E], value: object) -> E | None:
    """Return a member of the string enum ``enum_cls`` standing for the unknown ``value``.

    The member is not added to the enum, so iterating the enum still lists the documented values
    only. Non-string values are refused (``None`` makes ``enum_cls(value)`` raise ``ValueError``).
    """
    if not isinstance(value, str):
        return None
    member: Any = str.__new__(cast(Any, enum_cls), value)
    member._name_ = value
    member._value_ = value
    return cast(E, member)


# -- joining operation paths to the base URL ---------------------------------------------------

_URL_CACHE_SIZE = 1024
_url_cache: dict[tuple[int, str], tuple[httpx.URL, httpx.URL]] = {}


def absolute_url(base: httpx.URL, path: str) -> httpx.URL | str:
    """``path`` joined to ``base`` exactly as httpx joins a relative URL to ``base_url``.

    httpx parses and re-encodes the relative URL and then the joined one on every request;
    operation paths repeat, so the joined URL (immutable) is kept, per ``base_url`` object.
    An absolute or unusual ``path``, or a client without a base URL, is left to httpx. A path
    that the join would change (httpx resolves ``.`` and ``..``) raises
    ``InvalidPathParameterError``: it would reach another resource.
    """
    key = (id(base), path)
    hit = _url_cache.get(key)
    if hit is not None and hit[0] is base:  # the entry keeps ``base`` alive: ids cannot recur
        return hit[1]
    if base.is_relative_url or not path.startswith("/"):
        return path
    relative = httpx.URL(path)
    if not relative.is_relative_url:
        return path
    raw_path = base.raw_path + relative.raw_path.lstrip(b"/")
    joined = base.copy_with(raw_path=raw_path)
    if joined.raw_path != raw_path:  # httpx resolved a dot segment: another resource
        raise refuse_rewritten_path(path, joined.raw_path)
    if len(_url_cache) >= _URL_CACHE_SIZE:
        _url_cache.clear()
    _url_cache[key] = (base, joined)
    return joined


# -- an optional module that is not installed --------------------------------------------------


def skip_absent_sniffio() -> None:
    """Make ``import sniffio`` fail at once when sniffio is not installed.

    httpcore imports sniffio (optional since anyio 4.11 stopped requiring it) inside a function
    that runs several times per async request; Python does not remember a failed import, so each
    attempt searches ``sys.path`` again (encode/httpcore#1103). ``None`` in ``sys.modules`` is
    the import system's own way to say "not importable": the import raises the same
    ``ImportError`` as before, without the search. When sniffio is installed, nothing changes.
    """
    import importlib.util

    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules.setdefault("sniffio", cast(Any, None))


# -- is an idle async connection's socket readable? --------------------------------------------


class ReadableProbe:
    """``stream.get_extra_info("is_readable")`` of an httpcore async network stream, faster.

    httpcore asks it of every idle connection each time a request is assigned one; the anyio
    stream answers by rebuilding its table of attributes to find the raw socket. The socket of a
    stream never changes, so it is found once here and polled with httpcore's own check.
    """

    __slots__ = ("_is_readable", "_socket")

    def __init__(self, stream: Any) -> None:
        from httpcore._utils import is_socket_readable  # loaded with the stream already

        self._socket = stream.get_extra_info("socket")
        self._is_readable = is_socket_readable

    def __call__(self) -> bool:
        return self._is_readable(self._socket)


# -- cookies -----------------------------------------------------------------------------------


class SkipCookielessResponses(httpx.Cookies):
    """``httpx.Cookies`` that hands a response to the jar only when it sets a cookie.

    ``http.cookiejar`` reads ``Set-Cookie`` and ``Set-Cookie2`` only, and stores nothing
    for a response that has neither; building the request and response adapters it needs
    costs tens of microseconds. Other responses skip it: the jar ends up the same.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


_CookieTypes = httpx.Cookies | CookieJar | dict[str, str] | list[tuple[str, str]]
"""What ``httpx.Client.cookies`` may be set to."""


_BASE_COOKIES: property = next(
    vars(cls)["cookies"] for cls in httpx.Client.__mro__ if "cookies" in vars(cls)
)
"""httpx's own ``cookies`` property (of the base class both clients share)."""


def _skipping(client: httpx.Client | httpx.AsyncClient, base: httpx.Cookies) -> httpx.Cookies:
    """The client's cookies as :class:`SkipCookielessResponses`, on the same jar."""
    lean: SkipCookielessResponses | None = client.__dict__.get("_circleci_cookies")
    if lean is None or lean.jar is not base.jar:
        lean = client.__dict__["_circleci_cookies"] = SkipCookielessResponses(base.jar)
    return lean


class _LeanCookies:
    """The ``cookies`` of both clients below, which skip the jar for responses without cookies."""

    @property
    def cookies(self) -> httpx.Cookies:
        client = cast("httpx.Client | httpx.AsyncClient", self)
        return _skipping(client, _BASE_COOKIES.__get__(client))

    @cookies.setter
    def cookies(self, cookies: _CookieTypes) -> None:
        _BASE_COOKIES.__set__(self, cookies)


class CookieClient(_LeanCookies, httpx.Client):
    """An ``httpx.Client`` whose ``cookies`` skip the jar for responses without cookies."""


class AsyncCookieClient(_LeanCookies, httpx.AsyncClient):
    """An ``httpx.AsyncClient`` whose ``cookies`` skip the jar for responses without cookies."""
