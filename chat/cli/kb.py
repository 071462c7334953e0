"""``safegpt kb``: knowledge's own command group, with SafeGPT's client-data check and audit log added.

``knowledge.make_kb_group`` stays untouched: it receives a knowledge base seen through
:class:`knowledge.curation.Curator` (``add`` checks for client data and asks, ``add``/``remove``/``reindex``
are written to the audit log as ``cli:<os user>``), and its ``add`` command gains ``--yes``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from chat.store.audit import cli_actor
from knowledge import messages as texts
from knowledge.client_data_check import ClientDataReport

_YES = "safegpt.kb_yes"


def _interactive() -> bool:
    return sys.stdin.isatty()


def confirm_in_terminal(name: str, report: ClientDataReport) -> bool:
    """Show counts per reason (never values: a terminal's output may end up in a log) and ask; refuse when
    nobody can be asked and --yes is missing. The admin page shows each finding with its context."""
    ctx = click.get_current_context(silent=True)
    lines = _count_lines(report.blocking)
    click.echo(texts.KB_CLI_PII_WARNING.format(name=name, lines=lines), err=True)
    if ctx is not None and ctx.meta.get(_YES):
        return True
    if not _interactive():
        click.echo(texts.KB_CLI_PII_NONINTERACTIVE.format(name=name, summary=report.summary(blocking_only=True)),
                   err=True)
        return False
    answer = click.prompt(texts.KB_CLI_PII_CONFIRM, default="n", show_default=False, err=True)
    return answer.strip().lower() in {"j", "ja", "y", "yes"}


def _count_lines(findings) -> str:
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.label] = counts.get(finding.label, 0) + 1
    return "\n".join(f"  - {label}: {count}" for label, count in counts.items())


def report_contact_data(name: str, report: ClientDataReport) -> None:
    """After indexing: how many of the organisation's contact data were found, per reason (counts only,
    like the warning; the admin page shows them with their context)."""
    if report.information:
        click.echo(texts.KB_CLI_CONTACT_INFO.format(name=name, count=len(report.information),
                                                    lines=_count_lines(report.information)), err=True)


class CuratedKnowledge:
    """A :class:`knowledge.KnowledgeBase` whose changes go through the curator; reads pass straight through."""

    def __init__(self, app, actor: str) -> None:
        self._app = app
        self._actor = actor
        self._curator = None

    @property
    def curator(self):
        if self._curator is None:
            self._curator = self._app.curator
        return self._curator

    def _say_what_leaves(self) -> None:
        notice = self._app.knowledge.outbound_notice()
        if notice:
            click.echo(notice, err=True)

    def add(self, path, *, progress: bool = False, **metadata):
        self._say_what_leaves()
        outcome = self.curator.add(path, self._actor, progress=progress,
                                   confirm=lambda report: confirm_in_terminal(path.name, report), **metadata)
        report_contact_data(path.name, outcome.report)
        return outcome.info

    def remove(self, doc_id: str) -> int:
        return self.curator.remove(doc_id, self._actor)

    def reindex(self, progress: bool = False) -> int:
        self._say_what_leaves()
        return self.curator.reindex(self._actor, progress=progress)

    def __getattr__(self, name: str):
        return getattr(self._app.knowledge, name)


def make_curated_kb_group(get_app: Callable[[], object]) -> click.Group:
    """The ``kb`` group of ``safegpt``; ``get_app`` returns the wired :class:`chat.wiring.SafeGPT`."""
    from knowledge.cli import make_kb_group

    group = make_kb_group(lambda: CuratedKnowledge(get_app(), cli_actor()))
    add = group.commands["add"]
    original = add.callback

    def callback(*args, yes: bool = False, **kwargs):
        click.get_current_context().meta[_YES] = yes
        return original(*args, **kwargs)

    add.callback = callback
    add.params.append(click.Option(["--yes", "-y"], is_flag=True, default=False, help=texts.KB_CLI_YES_HELP))
    return group
