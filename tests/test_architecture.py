"""The layout of docs/ARCHITECTURE.md, checked on the source: who may import whom, and no import cycles.

Every import counts — at module level, inside functions and under ``TYPE_CHECKING`` — so a circle cannot hide
behind a lazy import. The rules are the arrows of the map in docs/ARCHITECTURE.md; a new rule goes in both.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("chat", "guardrails", "knowledge", "onboarding", "privacy")


@dataclass(frozen=True)
class Import:
    source: str   # importing module
    target: str   # imported first-party module, or the top-level name of a third-party package
    line: int
    first_party: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def _imports(modules: dict[str, Path]) -> list[Import]:
    def resolve(name: str) -> str:
        while name not in modules and "." in name:
            name = name.rpartition(".")[0]
        return name

    found: list[Import] = []
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
                # "from pkg import sub" imports the submodule; "from pkg import name" imports pkg.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            else:
                continue
            for target in targets:
                top = target.split(".")[0]
                if top in PACKAGES:
                    target = resolve(target)
                    if target != module:
                        found.append(Import(module, target, node.lineno, True))
                elif top and not target.startswith("__future__"):
                    found.append(Import(module, top, node.lineno, False))
    return found


MODULES = _modules()
IMPORTS = _imports(MODULES)


def _within(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


# (importing area, forbidden first-party areas, forbidden third-party packages, why)
RULES = [
    ("guardrails", ("chat", "knowledge", "onboarding"), (),
     "data flows chat → guardrails → knowledge/LLM: guardrails import none of them"),
    ("knowledge", ("chat", "onboarding"), (), "knowledge never imports chat or onboarding"),
    ("onboarding", ("chat", "knowledge"), (), "onboarding never imports chat or knowledge"),
    ("privacy", ("chat", "guardrails", "knowledge", "onboarding"), (),
     "every area declares its storage records with privacy's types: privacy imports none of them"),
    ("chat.core", ("chat.store", "chat.web", "chat.ui", "chat.cli", "chat.wiring", "chat.first_run"),
     ("chainlit", "fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic"),
     "the core is UI-free and storage-free: ui, web, cli and store call it, never the other way"),
    ("chat.llm", ("chat.core", "chat.store", "chat.web", "chat.ui", "chat.cli", "chat.settings", "chat.wiring",
                  "chat.first_run"),
     ("chainlit", "fastapi", "starlette", "sqlalchemy"), "chat.llm imports nothing of chat outside chat.llm"),
    ("chat.store", ("chat.web", "chat.ui", "chat.cli", "chat.wiring", "chat.first_run"),
     ("chainlit", "fastapi", "starlette", "uvicorn"), "the stores know no web server and no UI"),
    ("chat.web", ("chat.cli",), (), "the CLI sits above the server"),
    ("chat.ui", ("chat.cli", "chat.web.server"), (),
     "the Chainlit handlers never import the CLI, nor the server that registers them"),
    ("chat.cli", ("chat.ui",), ("chainlit",), "the CLI never loads Chainlit (it writes .chainlit/ into the cwd)"),
    ("chat.settings", ("chat.store", "chat.web.api.keys", "chat.ui", "chat.cli", "chat.wiring",
                       "chat.core.pipeline"), ("chainlit", "fastapi", "sqlalchemy", "litellm", "chromadb", "spacy",
                                               "presidio_analyzer", "presidio_anonymizer"),
     "the settings compose the packages' light settings modules only"),
]
# The server registers the Chainlit handlers, bound to the wired app (chat.ui.chainlit_app.register); nothing else
# reaches into the UI from outside. Chainlit loads the empty chat/ui/chainlit_target.py by file path.
ONLY_IMPORTED_BY = {
    "chat.ui": ("chat.ui", "chat.web.server", "chat.wiring"),
    "chat.ui.chainlit_app": ("chat.web.server",),
    "chat.ui.chainlit_target": (),
    "chainlit": ("chat.ui", "chat.web"),
}


def _violations() -> list[str]:
    problems = []
    for imp in IMPORTS:
        for area, forbidden, forbidden_external, why in RULES:
            if not _within(imp.source, area):
                continue
            bad = _within(imp.target, *forbidden) if imp.first_party else imp.target in forbidden_external
            if bad:
                problems.append(f"{MODULES[imp.source].relative_to(ROOT)}:{imp.line} imports {imp.target} — {why}")
        for target, allowed in ONLY_IMPORTED_BY.items():
            if _within(imp.target, target) and not _within(imp.source, *allowed):
                problems.append(f"{MODULES[imp.source].relative_to(ROOT)}:{imp.line} imports {imp.target} — only "
                                f"{', '.join(allowed) or 'nobody (loaded by path)'} may")
    return problems


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for imp in IMPORTS:
        if imp.first_party:
            graph[imp.source].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return components


def test_the_source_tree_is_parsed():
    """The checks below see the real tree: the core, the UI and a known upward-free import are all there."""
    assert {"chat.core.pipeline", "chat.ui.chainlit_app", "chat.web.server", "chat.store.db.engine",
            "chat.cli.main", "onboarding.store", "knowledge.curation"} <= set(MODULES)
    assert "chat.core.routing" in {i.target for i in IMPORTS if i.source == "chat.core.pipeline"}
    assert "chainlit" in {i.target for i in IMPORTS if i.source == "chat.ui.chat_turn"}


def test_no_module_imports_against_the_arrows_of_the_map():
    assert _violations() == []


def test_no_import_cycles_not_even_through_lazy_or_type_checking_imports():
    assert _cycles() == []


@pytest.mark.parametrize("source, target", [
    ("chat.core.pipeline", "chat.ui.chat_turn"),
    ("chat.core.pipeline", "chainlit"),
    ("chat.store.accounts", "chat.web.server"),
    ("guardrails.guardrail", "chat.settings"),
    ("onboarding.store", "chat.store.db.schema"),
    ("chat.cli.ask", "chainlit"),
    ("chat.llm.router", "chat.settings"),
    ("chat.web.readiness", "chat.ui.chat_turn"),  # only the server reaches into the UI, to register it
    ("chat.ui.prompt_ui", "chat.ui.chainlit_app"),
    ("chat.ui.chat_turn", "chat.web.server"),
])
def test_a_forbidden_import_would_be_reported(source, target):
    """The rules are not vacuous: adding one of these imports would fail the test above."""
    first_party = target.split(".")[0] in PACKAGES
    IMPORTS.append(Import(source, target, 1, first_party))
    try:
        assert any(f"imports {target} " in v for v in _violations())
    finally:
        IMPORTS.pop()


def test_a_lazy_import_closing_a_circle_would_be_reported():
    IMPORTS.append(Import("guardrails.conversation", "guardrails.guardrail", 1, True))  # the circle issue 20 broke
    try:
        assert ["guardrails.conversation", "guardrails.guardrail"] in _cycles()
    finally:
        IMPORTS.pop()
