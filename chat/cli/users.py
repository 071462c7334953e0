"""``safegpt user …``: manage accounts."""

from __future__ import annotations

from collections.abc import Callable

import click

from chat.store.accounts import AccountError, Accounts, Role, generate_password


def make_user_group(open_accounts: Callable[[], Accounts], open_audit: Callable[[], object] | None = None,
                    password_changed: Callable[[], object] | None = None) -> click.Group:
    """``password_changed`` runs after ``passwd``; it returns the path of a deleted initial-password file."""
    def audit(action: str, target: str, detail: str = "") -> None:
        if open_audit is not None:
            from chat.store.audit import cli_actor

            open_audit().record(cli_actor(), "users", action, target, detail)

    @click.group("user", help="Benutzerkonten verwalten.")
    def user() -> None:
        pass

    @user.command("add", help="Konto anlegen; ohne --password-stdin wird ein Passwort erzeugt und angezeigt.")
    @click.argument("username")
    @click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.STAFF.value)
    @click.option("--password-stdin", is_flag=True, help="Passwort von der Standardeingabe lesen.")
    def add(username: str, role: str, password_stdin: bool) -> None:
        password = sys_stdin_password() if password_stdin else generate_password()
        try:
            open_accounts().add(username, password, Role(role))
        except AccountError as exc:
            raise click.ClickException(str(exc)) from None
        audit("add", username, f"role={role}")
        click.echo(f"Konto „{username}“ ({role}) angelegt.")
        if not password_stdin:
            click.echo(f"Passwort: {password}")

    @user.command("list", help="Konten auflisten.")
    def list_() -> None:
        for acc in open_accounts().list():
            click.echo(f"{acc.username}\t{acc.role.value}\t{'gesperrt' if acc.disabled else 'aktiv'}"
                       f"\t{acc.department or '-'}")

    @user.command("set-department", help="Bereich setzen (nur für k-anonyme Nutzungszahlen).")
    @click.argument("username")
    @click.argument("department")
    def set_department(username: str, department: str) -> None:
        try:
            open_accounts().set_department(username, department)
        except AccountError as exc:
            raise click.ClickException(str(exc)) from None
        audit("set-department", username)
        click.echo(f"Konto „{username}“ gehört jetzt zum Bereich {department}.")

    @user.command("disable", help="Konto sperren.")
    @click.argument("username")
    def disable(username: str) -> None:
        try:
            open_accounts().disable(username)
        except AccountError as exc:
            raise click.ClickException(str(exc)) from None
        audit("disable", username)
        click.echo(f"Konto „{username}“ gesperrt; alle offenen Sitzungen des Kontos sind beendet.")

    @user.command("link", help="Externe Identität (SSO/OAuth: Aussteller + Subjekt) mit einem Konto verbinden.")
    @click.argument("username")
    @click.argument("issuer")
    @click.argument("subject")
    def link(username: str, issuer: str, subject: str) -> None:
        try:
            open_accounts().link_identity(username, issuer, subject)
        except AccountError as exc:
            raise click.ClickException(str(exc)) from None
        audit("link", username, f"issuer={issuer}")
        click.echo(f"Externe Identität mit Konto „{username}“ verbunden.")

    @user.command("logout", help="Alle offenen Sitzungen eines Kontos beenden.")
    @click.argument("username")
    def logout(username: str) -> None:
        try:
            open_accounts().end_sessions(username)
        except AccountError as exc:
            raise click.ClickException(str(exc)) from None
        audit("logout", username)
        click.echo(f"Alle Sitzungen von „{username}“ sind beendet.")

    @user.command("set-role", help="Rolle ändern.")
    @click.argument("username")
    @click.argument("role", type=click.Choice([r.value for r in Role]))
    def set_role(username: str, role: str) -> None:
        try:
            open_accounts().set_role(username, Role(role))
        except AccountError as exc:
            raise click.ClickException(str(exc)) from None
        audit("set-role", username, f"role={role}")
        click.echo(f"Konto „{username}“ hat jetzt die Rolle {role}.")

    @user.command("passwd", help="Passwort setzen; ohne --password-stdin wird eines erzeugt und angezeigt.")
    @click.argument("username")
    @click.option("--password-stdin", is_flag=True)
    def passwd(username: str, password_stdin: bool) -> None:
        password = sys_stdin_password() if password_stdin else generate_password()
        try:
            open_accounts().set_password(username, password)
        except AccountError as exc:
            raise click.ClickException(str(exc)) from None
        audit("passwd", username)
        click.echo(f"Passwort für „{username}“ geändert; alle offenen Sitzungen des Kontos sind beendet.")
        if not password_stdin:
            click.echo(f"Neues Passwort: {password}")
        deleted = password_changed() if password_changed is not None else None
        if deleted:
            click.echo(f"Die Datei mit dem Anfangspasswort ({deleted}) wurde gelöscht.")

    return user


def sys_stdin_password() -> str:
    import sys

    password = sys.stdin.readline().rstrip("\n")
    if not password:
        raise click.ClickException("Kein Passwort auf der Standardeingabe.")
    return password
