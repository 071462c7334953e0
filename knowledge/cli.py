"""The ``kb`` command group (``safegpt kb …``): a thin caller of :class:`KnowledgeBase`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import messages
from .errors import KnowledgeError
from .models import DocumentInfo

if TYPE_CHECKING:
    from .knowledge_base import KnowledgeBase


class KnowledgeCommandError(click.ClickException):
    """A knowledge-base error shown as "Fehler: …" (click's own prefix is English)."""

    def show(self, file: object = None) -> None:
        click.echo(f"{messages.CLI_ERROR_PREFIX} {self.format_message()}", err=True)


def make_kb_group(open_kb: Callable[[], KnowledgeBase], *, close_after_command: bool = False) -> click.Group:
    """Build the ``kb`` group; ``open_kb`` returns a ready knowledge base.

    The caller owns the knowledge base and closes it, unless ``close_after_command`` is set
    (for an ``open_kb`` that builds a new one on every call).
    """

    @click.group(name="kb", help=messages.HELP_GROUP)
    def kb() -> None:
        pass

    def run(action: Callable[[KnowledgeBase], int | None]) -> None:
        try:
            base = open_kb()
        except KnowledgeError as exc:
            raise KnowledgeCommandError(str(exc)) from None
        try:
            code = action(base)
        except KnowledgeError as exc:
            raise KnowledgeCommandError(str(exc)) from None
        finally:
            if close_after_command:
                base.close()
        if code:
            raise SystemExit(code)

    @kb.command("add", help=messages.HELP_ADD)
    @click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))  # files or folders
    @click.option("--title", help="Titel (Standard: aus der Datei).")
    @click.option("--version", "version", help="Versionsangabe (Standard: bisherige Version + 1, sonst 1).")
    @click.option("--owner", help="Verantwortliche Stelle oder Person.")
    @click.option("--valid-until", help="Gültig bis (JJJJ-MM-TT oder TT.MM.JJJJ).")
    @click.option("--audience", help='Zielgruppe, z. B. Abteilung (Standard: "alle").')
    @click.option("--progress/--no-progress", default=True, help="Fortschrittsbalken zeigen.")
    def add(paths: tuple[Path, ...], title: str | None, version: str | None, owner: str | None,
            valid_until: str | None, audience: str | None, progress: bool) -> None:
        def action(base: KnowledgeBase) -> int:
            failures = 0
            for path in _expand(paths):
                existed = any(d.source_file == path.name for d in base.list_documents())
                try:
                    info = base.add(path, title=title, version=version, owner=owner, valid_until=valid_until,
                                    audience=audience, progress=progress)
                except KnowledgeError as exc:
                    failures += 1
                    click.echo(messages.CLI_FAILED.format(name=path.name, error=exc), err=True)
                    continue
                template = messages.CLI_REPLACED if existed else messages.CLI_ADDED
                click.echo(template.format(title=info.title, source_file=info.source_file, version=info.version,
                                           chunks=info.chunk_count, doc_id=info.doc_id))
            return 1 if failures else 0

        run(action)

    @kb.command("list", help=messages.HELP_LIST)
    @click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
    def list_(as_json: bool) -> None:
        def action(base: KnowledgeBase) -> None:
            documents = base.list_documents()
            if as_json:
                click.echo(json.dumps([_doc_dict(d) for d in documents], ensure_ascii=False, indent=2))
            elif not documents:
                click.echo(messages.CLI_EMPTY)
            else:
                rows = [[d.doc_id, d.title, d.source_file, d.version, d.owner or "–", _valid(d), d.audience,
                         str(d.chunk_count), d.added_at[:10]] for d in documents]
                click.echo(_table(list(messages.CLI_LIST_HEADER), rows))

        run(action)

    @kb.command("show", help=messages.HELP_SHOW)
    @click.argument("doc_id")
    @click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
    def show(doc_id: str, as_json: bool) -> None:
        def action(base: KnowledgeBase) -> None:
            info = base.get(doc_id)
            if as_json:
                click.echo(json.dumps(_doc_dict(info), ensure_ascii=False, indent=2))
                return
            values = _doc_dict(info)
            values["valid_until"] = _valid(info)
            values.pop("expired")
            width = max(len(label) for label in messages.CLI_SHOW_FIELDS.values())
            for key, label in messages.CLI_SHOW_FIELDS.items():
                click.echo(f"{label + ':':<{width + 1}} {values[key] if values[key] not in (None, '') else '–'}")

        run(action)

    @kb.command("remove", help=messages.HELP_REMOVE)
    @click.argument("doc_id")
    def remove(doc_id: str) -> None:
        def action(base: KnowledgeBase) -> None:
            count = base.remove(doc_id)
            click.echo(messages.CLI_REMOVED.format(doc_id=doc_id, chunks=count))

        run(action)

    @kb.command("reindex", help=messages.HELP_REINDEX)
    @click.option("--progress/--no-progress", default=True, help="Fortschrittsbalken zeigen.")
    def reindex(progress: bool) -> None:
        def action(base: KnowledgeBase) -> None:
            click.echo(messages.CLI_REINDEXED.format(chunks=base.reindex(progress=progress)))

        run(action)

    @kb.command("search", help=messages.HELP_SEARCH)
    @click.argument("question")
    @click.option("-k", "k", type=click.IntRange(min=1), default=None, help="Anzahl der Treffer.")
    @click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON (für Auswertungen).")
    def search(question: str, k: int | None, as_json: bool) -> None:
        def action(base: KnowledgeBase) -> None:
            passages = base.search(question, k=k)
            if as_json:
                payload = [{"rank": rank, "doc_id": p.doc_id, "title": p.title, "source_file": p.source_file,
                            "section": p.section, "page": p.page, "score": p.score, "text": p.text}
                           for rank, p in enumerate(passages, start=1)]
                click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
                return
            if not passages:
                click.echo(messages.CLI_NO_HITS)
                return
            for rank, p in enumerate(passages, start=1):
                where = ", ".join(x for x in [p.section, f"S. {p.page}" if p.page else None] if x)
                click.echo(f"[{rank}] {p.title} ({p.source_file}{', ' + where if where else ''}) – {p.score:.2f}")
                snippet = " ".join(p.text.split())
                click.echo(f"    {snippet[:300]}{'…' if len(snippet) > 300 else ''}")

        run(action)

    return kb


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; a directory stands for its supported files (sorted, not recursive)."""
    from .parsers import PARSERS

    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PARSERS))
        else:
            out.append(path)
    return out


def _doc_dict(info: DocumentInfo) -> dict[str, object]:
    return {"doc_id": info.doc_id, "title": info.title, "source_file": info.source_file, "version": info.version,
            "owner": info.owner, "valid_until": info.valid_until, "audience": info.audience,
            "chunk_count": info.chunk_count, "added_at": info.added_at, "expired": info.expired}


def _valid(info: DocumentInfo) -> str:
    if not info.valid_until:
        return "–"
    return f"{info.valid_until} ({messages.CLI_EXPIRED})" if info.expired else info.valid_until


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [min(max(len(str(r[i])) for r in [header, *rows]), 40) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(_clip(str(c), w).ljust(w) for c, w in zip(cells, widths)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
