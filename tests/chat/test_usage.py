"""Usage data: no identifiers, no text; the department k threshold; the report and its CSV."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, select

from chat.store.db import open_database
from chat.store.usage import UsageRecorder, build_report
from chat.store.usage.report import report_csv
from chat.store.usage.schema import department_members, usage_events, usage_month_keys


@pytest.fixture
def engine(tmp_path):
    e = open_database(f"sqlite:///{tmp_path / 'u.db'}")
    yield e
    e.dispose()


def all_stored_text(engine) -> str:
    chunks = []
    with engine.connect() as conn:
        for table in (usage_events, department_members, usage_month_keys):
            chunks += [repr(tuple(row)) for row in conn.execute(select(table)).all()]
    return "\n".join(chunks)


def test_events_table_has_no_column_that_could_identify_a_person_or_chat(engine):
    columns = {c["name"] for c in inspect(engine).get_columns("usage_events")}
    forbidden = {"user", "user_id", "username", "session", "session_id", "thread_id", "conversation_id",
                 "text", "message", "prompt", "answer", "ip", "timestamp", "created_at"}
    assert not columns & forbidden, columns & forbidden
    assert "day" in columns  # a coarse bucket, not a time


def test_no_stored_event_can_be_tied_to_a_person(engine):
    rec = UsageRecorder(engine)
    rec.record_answer(model="lokal", prompt_tokens=10, completion_tokens=5, latency_ms=800,
                      pii_types=["PERSON", "PERSON", "EMAIL_ADDRESS"], prompt_id="gespraechsnotiz",
                      sources=["wohngeld-beratung.md"], department="Jugendhilfe", member="erika.mustermann")
    rec.record_feedback(model="lokal", helpful=True, department="Jugendhilfe")
    stored = all_stored_text(engine)
    assert "erika" not in stored.lower() and "mustermann" not in stored.lower()
    with engine.connect() as conn:
        event = conn.execute(select(usage_events).where(usage_events.c.kind == "answer")).one()
    assert event.pii_counts == '{"EMAIL_ADDRESS": 1, "PERSON": 2}'
    # The member table shares no column with events: nothing to join on but the department name.
    shared = {c.name for c in usage_events.columns} & {c.name for c in department_members.columns}
    assert shared <= {"id", "department"}


def test_department_below_k_is_merged_into_andere(engine):
    rec = UsageRecorder(engine)
    for i in range(4):
        rec.record_answer(model="m", department="Pflege", member=f"person{i}")
    for i in range(5):
        rec.record_answer(model="m", department="Jugendhilfe", member=f"person{i}")
    rec.record_answer(model="m", department="Jugendhilfe", member="person0")  # same person again
    report = build_report(engine, date.today(), date.today(), k=5)
    assert report.by_department == {"Jugendhilfe": 6, "andere": 4}
    assert build_report(engine, date.today(), date.today(), k=6).by_department == {"andere": 10}


def test_report_counts_feedback_errors_sources_and_csv(engine):
    rec = UsageRecorder(engine)
    rec.record_answer(model="lokal", prompt_tokens=100, completion_tokens=20, latency_ms=1000,
                      sources=["a.md", "b.md"], prompt_id="p1")
    rec.record_answer(model="lokal", latency_ms=3000, sources=["a.md"], no_source=False)
    rec.record_answer(model="lokal", no_source=True)
    rec.record_answer(model="extern", outcome="model_unavailable")
    rec.record_feedback(model="lokal", helpful=True)
    rec.record_feedback(model="lokal", helpful=False)
    rec.record_feedback(model="lokal", helpful=True)
    r = build_report(engine, date.today(), date.today(), k=5)
    assert (r.answers, r.failed) == (3, 1)
    assert r.errors_by_kind == {"model_unavailable": 1}
    assert r.top_sources[0] == ("a.md", 2) and r.top_prompts == [("p1", 1)]
    assert r.answers_without_source == 1 and round(r.helpful_share, 3) == round(2 / 3, 3)
    csv = report_csv(r)
    assert "quellen;a.md;2" in csv and "rueckmeldung;hilfreich;2" in csv


def test_past_month_keys_are_deleted(engine):
    rec = UsageRecorder(engine)
    with engine.begin() as conn:
        conn.execute(usage_month_keys.insert().values(month="2001-01", key="00" * 32))
    rec.record_answer(model="m", department="X", member="a")
    with engine.connect() as conn:
        months = [r.month for r in conn.execute(select(usage_month_keys)).all()]
    assert months == [date.today().strftime("%Y-%m")]


def test_disabled_usage_stores_nothing(engine):
    UsageRecorder(engine, enabled=False).record_answer(model="m", department="X", member="a")
    assert all_stored_text(engine) == ""
