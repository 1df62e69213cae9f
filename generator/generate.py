"""Rebuild ``generated_client/`` from ``openapi.yaml`` and ``generator/``, or check it is current.

    python generator/generate.py          # regenerate generated_client/
    python generator/generate.py --check  # fail, naming the files, if it differs

Steps: openapi-python-client renders the spec with our templates (any warning fails), the runtime
modules are copied into the package, ruff formats the result, and the tree replaces (or is compared
with) the committed one. Run it through ``nox -s generate``, which pins the tools.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
GENERATOR = ROOT / "generator"
OUTPUT = ROOT / "generated_client"
PACKAGE = "circleci_client"
# Generated modules the runtime deliberately replaces with its own version.
RUNTIME_REPLACES = {"errors.py"}
# Caches that tools leave behind; never part of the output.
IGNORED = ("__pycache__", ".ruff_cache", ".mypy_cache", "build", "*.egg-info")
RUFF_ARGS = ["--isolated", "--no-cache", "--line-length", "100", "--target-version", "py311"]


def run(command: list[str], cwd: Path) -> str:
    """Run a command, failing loudly with its output when it fails."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output}")
    return output


def render(work: Path) -> Path:
    """Render the spec into ``work/generated_client`` and return that folder."""
    target = work / "generated_client"
    output = run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(SPEC),
            "--config",
            str(GENERATOR / "config.yaml"),
            "--custom-template-path",
            str(GENERATOR / "templates"),
            "--output-path",
            str(target),
            "--meta",
            "uv",
            "--fail-on-warning",
        ],
        cwd=work,
    )
    if "warning" in output.lower() or "error" in output.lower():
        sys.exit(f"generation reported problems:\n{output}")
    return target


def install_runtime(package_dir: Path) -> None:
    """Copy the hand-written runtime modules into the generated package."""
    for module in sorted((GENERATOR / "runtime").glob("*.py")):
        destination = package_dir / module.name
        if destination.exists() and module.name not in RUNTIME_REPLACES:
            sys.exit(f"runtime module {module.name} would overwrite a generated module")
        shutil.copyfile(module, destination)
    (package_dir / "py.typed").write_text("")


def format_tree(target: Path) -> None:
    """Drop unused imports, sort imports and format, with fixed settings."""
    run(
        ["ruff", "check", *RUFF_ARGS, "--select", "F401,I", "--fix", "--quiet", "--exit-zero", "."],
        cwd=target,
    )
    run(["ruff", "format", *RUFF_ARGS, "--quiet", "."], cwd=target)


def differences(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ between two trees (missing on either side included)."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only)
        _, mismatch, errors = filecmp.cmpfiles(
            comparison.left, comparison.right, comparison.common_files, shallow=False
        )
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(expected, actual, ignore=list(IGNORED)), "")
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="circleci-client-gen-") as tmp:
        target = render(Path(tmp))
        install_runtime(target / PACKAGE)
        format_tree(target)
        if args.check:
            if not OUTPUT.exists():
                print("generated_client/ is missing: run `nox -s generate`")
                return 1
            drift = differences(target, OUTPUT)
            if drift:
                print("generated_client/ differs from a fresh generation in:")
                print("\n".join(f"  {path}" for path in drift))
                print("run `nox -s generate` and commit the result")
                return 1
            print("generated_client/ is up to date")
            return 0
        if OUTPUT.exists():
            shutil.rmtree(OUTPUT)
        shutil.copytree(target, OUTPUT, ignore=shutil.ignore_patterns(*IGNORED))
        print(f"generated {OUTPUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
