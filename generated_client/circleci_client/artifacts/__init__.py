# Hand-written runtime module (not generated): edit it here.
"""Download the artifacts of a job, of every job in a workflow, or of a branch's latest success.

.. code-block:: python

    from circleci_client import AuthenticatedClient
    from circleci_client.artifacts import download_job_artifacts

    with AuthenticatedClient.from_env() as client:
        report = download_job_artifacts(client, "gh/acme/widgets", 1234, "out", glob="*.xml")
        print(report.summary())

The work is written once, as async code (``_async_run``) whose sync twin (``_sync_run``) is
generated from it: sync functions run it in a thread pool over the client's ``httpx.Client``,
the ``a``-prefixed coroutines as tasks over its ``httpx.AsyncClient``. Either way the client's
transport adds the token only for the API's origin and ``token_hosts``; a redirect elsewhere
goes out without it. The rules, in the order
a file meets them:

* **Listing entries** are read one by one: an entry whose ``path`` or ``url`` is not a string,
  or whose ``node_index`` is not a whole number (``true`` and ``"0"`` are not), is reported as
  a failed file and the rest of the listing still downloads. An entry without a usable
  ``path`` cannot be matched against ``glob``, so it is reported whatever the patterns. In
  workflow and branch mode, a job whose ``job_number`` is not a whole number or whose
  ``project_slug`` is not a valid slug is reported the same way (one failed entry for the job).
* **Selection.** ``glob`` patterns are matched with :func:`fnmatch.fnmatchcase` against the
  artifact's whole ``path`` (``*`` also matches ``/``); no pattern selects everything.
* **Safe paths.** The server's ``path`` must be relative: no ``..`` component, no leading
  ``/``, no drive letter (``C:``), no backslash, no NUL or other control character, not empty;
  on Windows also no device name (``NUL``, ``com1.txt``) and no name ending in a dot or space.
  The file's folder must resolve inside the destination, so a symlink in the destination that
  points outside is refused too, and the file and its ``.part`` are never followed when they are
  symlinks. A refused file is reported as failed; the others still download.
* **Link safety.** Once checked, the file's folder is opened and every later step (the
  ``.part``, its validator, the final rename) works relative to that open folder, reached one
  component at a time without following symlinks; so a folder swapped for a symlink after the
  check cannot send bytes elsewhere (where the platform has no ``dir_fd``, Windows, the folder
  is checked again before each step instead). A ``.part`` with another hard link is never
  written through: it is dropped and the file downloaded from zero into a fresh ``.part``.
* **Layout.** ``<dest>/<path>``; when a job's artifacts come from more than one node
  (``node_index``), each node's files go to ``<dest>/node-<index>/<path>``. In workflow and
  branch mode every job gets its own folder, ``<dest>/<job-number>-<job-name>/`` (the name
  reduced to ``[A-Za-z0-9._-]``).
* **Collisions.** Two files whose destinations are equal once Unicode-normalised (NFC) and
  case-folded character by character (the simple folding case-insensitive file systems such
  as NTFS and APFS use) would overwrite each other, so only the first in listing order is
  downloaded and the others are reported as failed. ``Report.txt`` and ``report.txt`` collide,
  and so do ``é`` and ``e`` followed by a combining accent; ``ß`` and ``ss`` do not. The rule is
  the same on every system, so a download lands the same way wherever it runs.
* **Skip existing** (option ``skip_existing``). Only complete files ever get their final name,
  so an existing file is a finished download. With ``"size"`` (the default) it is kept when its
  *size* equals the server's size, learned from a one-byte probe (``Range: bytes=0-0``: the total
  of ``Content-Range``, or ``Content-Length`` when the server ignores ranges); when the server
  does not say, the file is trusted. The content is not compared: a file of the same size but
  other bytes is kept, and its result says so (``detail``). A different size means the file is
  downloaded again. With ``"never"`` every file is downloaded again.
* **Streaming and atomicity.** Bodies stream, as the network delivers them (256 KiB at most
  at a time in the sync functions, 64 KiB in the async ones), to ``<name>.part``; only a 200
  or 206 whose ``Content-Length`` / ``Content-Range`` agree is written, so an error body is
  never saved. The ``.part`` is closed
  and renamed (:func:`os.replace`) once every byte announced has arrived; a body without
  ``Content-Length`` is complete when it ends cleanly. There is no fsync: should a power cut
  leave a short file under the final name, the size check of the next run downloads it again.
* **Resume.** When a body starts from zero, the response's validator (its strong ``ETag``,
  else its ``Last-Modified``) is written to ``<name>.part.validator`` (:data:`VALIDATOR_SUFFIX`)
  before any byte. A ``.part`` left behind (an interrupted body, in this run or an earlier one)
  is continued only with that validator: ``Range: bytes=<size>-`` plus ``If-Range:
  <validator>``. A 206 whose ``Content-Range`` starts at that size (and whose validator, if
  sent, is the same) is appended; a 200 means the file changed, so the ``.part`` is started
  again from zero; any other ``Content-Range`` or validator drops it and restarts. A 416 counts
  as "already whole" only when its size equals the ``.part`` and its validator matches. A
  ``.part`` without a readable validator (or a server that sends none) is never resumed
  blindly: it is downloaded again from zero. An interrupted body is resumed up to ``retries``
  times in the same run; after that the file is failed and its ``.part`` kept for next time.
* **Stalls** (option ``stall_timeout``, default :data:`DEFAULT_STALL_TIMEOUT` seconds). No byte
  for that long, while waiting for the headers or within a body, interrupts the body like a
  dropped connection: it is resumed as above, and once ``retries`` are used up the file is
  failed ("stalled"), its ``.part`` kept; the other files go on.
* **Ctrl-C.** The sync functions wait for their worker threads in short slices, so a
  ``KeyboardInterrupt`` reaches them at once. They then tell the workers to stop, shut down the
  sockets of bodies in flight, give the workers up to :data:`STOP_GRACE` seconds to close their
  ``.part`` files, and re-raise. Every ``.part`` keeps its validator, so the same call resumes.
  (The async functions stop on cancellation, the same way.)
* **Redirects** are followed by hand, at most :data:`MAX_REDIRECTS`, to http(s) URLs only.
* **Link-local and metadata addresses.** A URL (the listing's or a redirect's) whose host is
  a link-local address (``169.254.0.0/16``, ``fe80::/10``), the AWS metadata address
  ``fd00:ec2::254``, an IPv4-mapped form of these, or ``metadata.google.internal`` is not
  fetched: that file fails, unless the ``allow_link_local`` option is true. Hosts are checked
  as written (numeric forms such as ``2852039166`` or ``0xa9fea9fe`` included); names are not
  resolved, so a DNS name that resolves to such an address is not caught.
* **Failures stay per file.** Whatever goes wrong with one file (a malformed header, an
  unusable URL, a bad listing entry) fails that file only; the report lists it with the reason.
  A run only stops early for an API error while listing, a progress listener that raises, or
  cancellation. Async downloads then cancel every other download and wait for them before the
  exception goes on; sync ones start no further file and let those in flight finish.
"""

from __future__ import annotations

# The imports follow the module's reading order, which the API reference page keeps.
# ruff: noqa: I001
from ._defaults import (
    DEFAULT_CONCURRENCY,
    DEFAULT_RETRIES,
    DEFAULT_MAX_PIPELINES,
    MAX_REDIRECTS,
    PART_SUFFIX,
    VALIDATOR_SUFFIX,
    MAX_VALIDATOR_LENGTH,
    DEFAULT_STALL_TIMEOUT,
    SkipExisting,
    DEFAULT_SKIP_EXISTING,
    STOP_GRACE,
)
from ._errors import UnsafePathError, NoSuccessfulPipelineError
from ._reports import (
    FileStatus,
    ArtifactFile,
    FileResult,
    DownloadReport,
    ProgressListener,
    SuccessfulPipeline,
)
from ._paths import safe_relative_path, job_folder_name
from ._listing import is_link_local_host
from ._entry_points import (
    list_artifacts,
    alist_artifacts,
    find_latest_successful_pipeline,
    afind_latest_successful_pipeline,
    Destination,
    DownloadOptions,
    BranchDownloadOptions,
    download_job_artifacts,
    adownload_job_artifacts,
    download_workflow_artifacts,
    adownload_workflow_artifacts,
    download_branch_artifacts,
    adownload_branch_artifacts,
)

__all__ = [
    "DEFAULT_CONCURRENCY",
    "DEFAULT_MAX_PIPELINES",
    "DEFAULT_RETRIES",
    "DEFAULT_SKIP_EXISTING",
    "DEFAULT_STALL_TIMEOUT",
    "MAX_REDIRECTS",
    "MAX_VALIDATOR_LENGTH",
    "PART_SUFFIX",
    "STOP_GRACE",
    "VALIDATOR_SUFFIX",
    "ArtifactFile",
    "BranchDownloadOptions",
    "Destination",
    "DownloadOptions",
    "DownloadReport",
    "FileResult",
    "FileStatus",
    "NoSuccessfulPipelineError",
    "ProgressListener",
    "SkipExisting",
    "SuccessfulPipeline",
    "UnsafePathError",
    "adownload_branch_artifacts",
    "adownload_job_artifacts",
    "adownload_workflow_artifacts",
    "afind_latest_successful_pipeline",
    "alist_artifacts",
    "download_branch_artifacts",
    "download_job_artifacts",
    "download_workflow_artifacts",
    "find_latest_successful_pipeline",
    "is_link_local_host",
    "job_folder_name",
    "list_artifacts",
    "safe_relative_path",
]
