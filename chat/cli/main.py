"""The ``safegpt`` command: thin argument parsing around the same core the server uses."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from pathlib import Path

import click

from chat.settings import ConfigError, load_settings


class _Lazy:
    """Build the application only when a command needs it (``pii scan`` must not load a model)."""

    def __init__(self, config: Path | None) -> None:
        self.config = config
        self._app = None

    @property
    def app(self):
        if self._app is None:
            from chat.wiring import SafeGPT

            try:
                self._app = SafeGPT(load_settings(self.config))
            except ConfigError as exc:
                raise click.ClickException(str(exc)) from None
        return self._app


def _build_cli() -> click.Group:
    @click.group(help="SafeGPT – datenschutzfreundlicher KI-Assistent.")
    @click.option("--config", type=click.Path(path_type=Path, dir_okay=False), default=None,
                  help="Einstellungsdatei (sonst $SAFEGPT_CONFIG bzw. ./safegpt.toml).")
    @click.option("-v", "--verbose", is_flag=True, help="Mehr Protokollausgaben (nie Nachrichtentexte).")
    @click.pass_context
    def cli(ctx: click.Context, config: Path | None, verbose: bool) -> None:
        logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        ctx.obj = _Lazy(config)

    @cli.command(help="Datenbank, Modell, Beispiel-Richtlinien und ersten Admin einrichten (idempotent).")
    @click.option("--no-index", is_flag=True, help="Beispiel-Richtlinien nicht indexieren.")
    @click.pass_obj
    def setup(lazy: _Lazy, no_index: bool) -> None:
        _setup(lazy.app, index=not no_index)

    @cli.command(help="Server starten (richtet vorher ein, was fehlt).")
    @click.option("--host", default=None)
    @click.option("--port", type=int, default=None)
    @click.pass_obj
    def serve(lazy: _Lazy, host: str | None, port: int | None) -> None:
        import uvicorn

        from chat.web.server import create_app

        app = lazy.app
        _setup(app, index=True)
        host = host or app.settings.server.host
        port = port or app.settings.server.port
        from onboarding import OnboardingFileError

        try:
            api = create_app(app)
        except OnboardingFileError as exc:  # rules of use or a prompt file: name file, line and field
            raise click.ClickException(f"Start abgebrochen – bitte die Datei korrigieren: {exc}") from None
        click.echo(f"SafeGPT läuft auf http://{host}:{port}{app.settings.server.chat_path}/  (Beenden: Strg+C)")
        # X-Forwarded-For/-Proto only from the configured reverse proxies (none: the peer is the client).
        uvicorn.run(api, host=host, port=port, log_level="warning", ws="websockets-sansio", proxy_headers=True,
                    forwarded_allow_ips=list(app.settings.security.trusted_proxies))

    @cli.command(help="Eine Frage durch dieselbe Pipeline wie im Chat stellen.")
    @click.argument("text")
    @click.option("--model", default=None, help="model_name aus der model_list.")
    @click.option("--json", "as_json", is_flag=True, help="Maschinenlesbare Ausgabe.")
    @click.pass_obj
    def ask(lazy: _Lazy, text: str, model: str | None, as_json: bool) -> None:
        from chat.cli.ask import run_ask

        try:
            code = asyncio.run(run_ask(lazy.app, text, model, as_json))
        finally:
            lazy.app.close()
        sys.exit(code)

    from chat.cli.apikeys import make_apikey_group
    from chat.cli.kb import make_curated_kb_group
    from chat.cli.users import make_user_group
    from chat.web.api.keys import open_api_keys
    from guardrails.cli import make_pii_group

    cli.add_command(make_pii_group(lambda: click.get_current_context().find_object(_Lazy).app.guardrail))
    # kb add/remove/reindex go through the client-data check and the audit log (chat/cli/kb.py).
    cli.add_command(make_curated_kb_group(lambda: click.get_current_context().find_object(_Lazy).app))
    def forget_initial_password():
        from chat.first_run import forget_initial_password

        return forget_initial_password(click.get_current_context().find_object(_Lazy).app)

    cli.add_command(make_user_group(lambda: click.get_current_context().find_object(_Lazy).app.accounts,
                                    lambda: click.get_current_context().find_object(_Lazy).app.audit,
                                    password_changed=forget_initial_password))
    cli.add_command(make_apikey_group(lambda: open_api_keys(click.get_current_context().find_object(_Lazy).app)))
    from chat.cli.privacy import make_privacy_group

    cli.add_command(make_privacy_group(lambda: click.get_current_context().find_object(_Lazy).app.settings))

    @cli.group(help="Lokale Modelldateien.")
    def model() -> None:
        pass

    @model.command("info", help="Modelldateien zusammensetzen, prüfen und ihre Metadaten zeigen.")
    @click.pass_obj
    def model_info(lazy: _Lazy) -> None:
        from chat.first_run import describe_models

        for alias, text in describe_models(lazy.app).items():
            click.echo(f"{alias}: {text}  [{lazy.app.local_models[alias].path}]")

    return cli


def _setup(app, index: bool) -> None:
    from chat.first_run import run_setup

    from knowledge.synonyms import SynonymTableError

    try:
        report = run_setup(app, index=index)
    except SynonymTableError as exc:  # the organisation's synonym table: names file and line
        raise click.ClickException(f"Start abgebrochen – bitte die Datei korrigieren: {exc}") from None
    for alias, text in report.models.items():
        click.echo(f"Modell {alias}: {text}")
    if report.samples_indexed:
        click.echo(f"{report.samples_indexed} Beispiel-Richtlinien indexiert.")
    if report.admin_created:
        password = report.admin_password_file.read_text().strip()
        click.echo(
            "\nErster Admin-Zugang angelegt / first admin account created:\n"
            f"  Benutzer/user: {report.admin_created}\n  Passwort/password: {password}\n"
            f"  (auch in {report.admin_password_file} – bitte nach der ersten Anmeldung ändern: "
            f"'safegpt user passwd {report.admin_created}'; die Datei wird danach automatisch gelöscht / "
            "the file is deleted once the password has been changed)\n"
        )


cli = _build_cli()


def main() -> None:  # console script entry point
    """Run the CLI; an error nobody foresaw ends with a German line naming its type and place, never a traceback
    (which could quote a message or a file's content)."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Abgebrochen.", err=True)
        sys.exit(1)
    except click.UsageError as exc:  # Click's own wording is English: framed in German, with where to look
        command = exc.ctx.command_path if exc.ctx is not None else "safegpt"
        click.echo(f"Fehler: ungültiger Aufruf – {exc.format_message()}\n"
                   f"Hilfe: {command} --help", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"Fehler: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        import traceback

        frames = traceback.extract_tb(exc.__traceback__)
        where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
        click.echo(f"Fehler: unerwarteter Fehler ({type(exc).__name__}){where}. Bitte melden Sie ihn Ihrer "
                   "Administration.", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
