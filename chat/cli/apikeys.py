"""``safegpt apikey …``: keys of integrating systems (add, list, revoke) and their usage."""

from __future__ import annotations

from collections.abc import Callable

import click

from chat.web.api.keys import ApiKeyError, ApiKeyService


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def make_apikey_group(open_keys: Callable[[], ApiKeyService]) -> click.Group:
    @click.group("apikey", help="API-Schlüssel für angebundene Systeme (OpenAI-kompatible Schnittstelle /v1).")
    def apikey() -> None:
        pass

    @apikey.command("add", help="Schlüssel für das System NAME anlegen; er wird nur jetzt einmal angezeigt.")
    @click.argument("name")
    @click.option("--models", required=True, help="Erlaubte Modelle, durch Komma getrennt (model_name).")
    @click.option("--classes", default="none,pseudonymised", show_default=True,
                  help="Erlaubte Datenklassen: none, pseudonymised, residual_risk, special_category.")
    @click.option("--rate", type=int, default=60, show_default=True, help="Anfragen pro Minute.")
    def add(name: str, models: str, classes: str, rate: int) -> None:
        try:
            new = open_keys().create(name, _split(models), _split(classes), rate)
        except ApiKeyError as exc:
            raise click.ClickException(str(exc)) from None
        key = new.key
        click.echo(f"API-Schlüssel {key.key_id} für „{key.system}“ angelegt "
                   f"(Modelle: {', '.join(key.models)}; Datenklassen: {', '.join(key.data_classes)}; "
                   f"{key.rate_per_minute}/min).")
        click.echo("Schlüssel (nur jetzt sichtbar, bitte sicher ablegen) / key (shown once):")
        click.echo(new.secret)

    @apikey.command("list", help="Schlüssel auflisten (ohne Geheimnis).")
    def list_() -> None:
        for key in open_keys().list():
            status = f"gesperrt {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "aktiv"
            click.echo("\t".join([key.key_id, key.system, ",".join(key.models), ",".join(key.data_classes),
                                  f"{key.rate_per_minute}/min", f"{key.created_at:%Y-%m-%d}", status]))

    @apikey.command("revoke", help="Schlüssel KEY_ID sperren (sofort wirksam).")
    @click.argument("key_id")
    def revoke(key_id: str) -> None:
        try:
            key = open_keys().revoke(key_id)
        except ApiKeyError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"API-Schlüssel {key.key_id} („{key.system}“) gesperrt.")

    @apikey.command("usage", help="Nutzung je System, Modell und Ergebnis (Anfragen, Tokens; keine Texte).")
    @click.option("--days", type=int, default=30, show_default=True)
    def usage(days: int) -> None:
        from chat.web.api.usage import ApiUsageCounter

        rows = ApiUsageCounter(open_keys().engine).rows(days)
        click.echo("\t".join(["Tag", "System", "Modell", "Ergebnis", "Anfragen", "Prompt-Tokens", "Antwort-Tokens"]))
        for r in rows:
            click.echo("\t".join([r.day, r.system, r.model, r.outcome, str(r.requests), str(r.prompt_tokens),
                                  str(r.completion_tokens)]))

    return apikey
