"""Feedback reasons (issue 18): a fixed code per not-helpful answer, counted in the report, never free text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import select

from chat.core.feedback import FeedbackReason
from chat.core.messages import FEEDBACK_REASONS
from chat.store.db import open_database
from chat.store.usage import UsageRecorder, build_report
from chat.store.usage.report import report_csv
from chat.store.usage.schema import usage_events


@pytest.fixture
def engine(database_url):
    e = open_database(database_url)
    yield e
    e.dispose()


def _period():
    return date.today() - timedelta(days=1), date.today() + timedelta(days=1)


def test_reasons_are_counted_per_code_and_exported(engine):
    rec = UsageRecorder(engine)
    rec.record_feedback(model="lokal", helpful=False)
    rec.record_feedback_reason(model="lokal", reason=FeedbackReason.TOO_LONG)
    rec.record_feedback(model="extern", helpful=False, department="Pflege")
    rec.record_feedback_reason(model="extern", reason="source_mismatch", department="Pflege")
    rec.record_feedback_reason(model="extern", reason="too_long")
    rec.record_feedback(model="lokal", helpful=True)
    report = build_report(engine, *_period())
    assert report.feedback_reasons == {"wrong": 0, "source_mismatch": 1, "too_long": 2, "unclear": 0}
    # A reason is no second vote: helpful / not helpful stays 1 of 3.
    assert (report.feedback_helpful, report.feedback_total) == (1, 3)
    assert report.answers == 0
    rows = [line.split(";") for line in report_csv(report).splitlines()]
    assert ["grund_nicht_hilfreich", "too_long", "2"] in rows
    assert ["grund_nicht_hilfreich", "wrong", "0"] in rows


@pytest.mark.parametrize("reason", ["Die Antwort war Quatsch, Frau Demir hat angerufen", "", "WRONG", None])
def test_anything_but_a_known_code_is_refused_and_nothing_is_stored(engine, reason):
    rec = UsageRecorder(engine)
    with pytest.raises(ValueError):
        rec.record_feedback_reason(model="lokal", reason=reason)
    with engine.connect() as conn:
        assert conn.execute(select(usage_events)).all() == []


def test_every_reason_has_a_german_label_and_no_label_is_without_a_code():
    assert set(FEEDBACK_REASONS) == {r.value for r in FeedbackReason}
    assert set(FEEDBACK_REASONS.values()) == {"Falsch", "Quelle passt nicht", "Zu lang", "Unverständlich"}


def test_migration_adds_the_column_to_an_existing_database_and_keeps_its_rows(tmp_path):
    """A database from before this change (usage_0001) gains the column; old rows stay and count."""
    from alembic.config import Config

    from chat.store.db.engine import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "usage_0001")
    with engine.begin() as conn:
        assert "feedback_reason" not in {c["name"] for c in sa.inspect(conn).get_columns("usage_events")}
        conn.execute(sa.text(
            "INSERT INTO usage_events (day, kind, model, outcome, prompt_tokens, completion_tokens, latency_ms, "
            "feedback, pii_counts, sources, no_source) VALUES (:day, 'feedback', 'lokal', 'ok', 0, 0, 0, -1, '{}', "
            "'[]', 0)"), {"day": date.today()})
    engine.dispose()
    engine = open_database(url)  # upgrades to heads, as every start does
    UsageRecorder(engine).record_feedback_reason(model="lokal", reason="unclear")
    report = build_report(engine, *_period())
    assert (report.feedback_total, report.feedback_reasons["unclear"]) == (1, 1)
    engine.dispose()
