"""Stores of issue 6 on a real database: acknowledgements, prompt versions, anonymous ratings, export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from chat.store.db import open_database
from onboarding import BUILTIN_PROMPTS_DIR, PromptLibrary, RulesFileError, RulesOfUse
from onboarding.catalog import OnboardingArea, PromptCatalog
from onboarding.consultation_export import export_csv, export_markdown
from onboarding.settings import OnboardingSettings
from onboarding.store import (
    Acknowledgements,
    Consultations,
    PromptDraft,
    PromptStore,
    PromptValidationError,
    consultation_ratings,
)


@pytest.fixture
def engine(database_url):
    engine = open_database(database_url)
    yield engine
    engine.dispose()


def test_two_sessions_acknowledging_at_the_same_moment_both_succeed(engine):
    """The second session's check ran before the first's row was committed; its insert then meets the unique
    constraint — that is the acknowledgement it wanted, no error (bench/load.py's users raced here)."""
    from sqlalchemy import event, insert as sa_insert

    from onboarding.store import acknowledgements

    raced = []

    def other_session_commits_first(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO ONBOARDING_ACKNOWLEDGEMENTS") and not raced:
            raced.append(True)
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as other:
                other.execute(sa_insert(acknowledgements).values(
                    username="fachkraft", rules_version=1,
                    acknowledged_at=__import__("datetime").datetime.now(__import__("datetime").timezone.utc)))

    event.listen(engine, "before_cursor_execute", other_session_commits_first)
    try:
        Acknowledgements(engine).record("fachkraft", 1)
    finally:
        event.remove(engine, "before_cursor_execute", other_session_commits_first)
    assert raced and [v for v, _ in Acknowledgements(engine).entries("fachkraft")] == [1]


DRAFT = PromptDraft(title="Rückmeldung an Eltern", category="Briefe", description="Kurze Rückmeldung.",
                    template="Schreibe eine freundliche Rückmeldung zu {anlass}.\nTon: {ton}")


def test_acknowledgement_per_version(engine):
    acks = Acknowledgements(engine)
    assert acks.latest_version("fachkraft") is None
    acks.record("fachkraft", 1)
    acks.record("fachkraft", 1)  # idempotent
    assert acks.latest_version("fachkraft") == 1
    assert [v for v, _ in acks.entries("fachkraft")] == [1]
    rules = RulesOfUse(version=2, valid_from=__import__("datetime").date(2027, 1, 1), text="x")
    assert rules.needs_acknowledgement(acks.latest_version("fachkraft"))
    acks.record("fachkraft", 2)
    assert not rules.needs_acknowledgement(acks.latest_version("fachkraft"))
    assert acks.latest_version("andere") is None


def test_prompt_versions_and_publishing(engine):
    store = PromptStore(engine)
    pid = store.propose(DRAFT, taken_ids={"rueckmeldung-an-eltern"})
    assert pid == "rueckmeldung-an-eltern-2"  # never shadows a file prompt
    stored = store.get(pid)
    assert (stored.status, stored.current_version, stored.published_version) == ("proposed", 1, None)
    assert store.published_prompts() == []
    prompt = store.as_prompt(stored)
    assert [v.name for v in prompt.variables] == ["anlass", "ton"]

    assert store.publish(pid) == 1
    assert [p.version for p in store.published_prompts()] == [1]
    # An edit is a new version; chat users keep seeing the published one until it is published again.
    edited = PromptDraft(DRAFT.title, DRAFT.category, DRAFT.description, "Neu: {anlass}")
    assert store.edit(pid, edited) == 2
    published = store.published_prompts()[0]
    assert published.version == 1 and "Ton" in published.template
    assert store.publish(pid) == 2
    assert store.published_prompts()[0].template.startswith("Neu:")
    assert [v.version for v in store.history(pid)] == [2, 1]
    assert store.history(pid)[1].draft.template.startswith("Schreibe")  # history kept
    store.retire(pid)
    assert store.published_prompts() == [] and store.get(pid).status == "retired"


@pytest.mark.parametrize("template", ["", "Text mit {Kaputt}", "offene { Klammer"])
def test_invalid_drafts_are_refused(engine, template):
    with pytest.raises(PromptValidationError):
        PromptStore(engine).propose(PromptDraft("T", "K", "B", template))


def test_catalog_merges_published_db_prompts(engine):
    files = PromptLibrary.load(BUILTIN_PROMPTS_DIR, strict=True)
    store = PromptStore(engine)
    catalog = PromptCatalog(files, store)
    before = len(catalog.published())
    pid = store.propose(DRAFT, catalog.taken_ids())
    assert catalog.get(pid) is None
    store.publish(pid)
    assert catalog.get(pid).title == DRAFT.title and len(catalog.published()) == before + 1
    assert pid in [p.id for p in catalog.search("Rückmeldung Eltern")]
    assert [p.id for p in catalog.search("", "Briefe")] and len(catalog.popular()) == 5


def test_ratings_are_anonymous_and_released_from_k(engine):
    consultations = Consultations(engine, min_ratings=5)
    sid = consultations.open("Dokumentation im ASD", ["gespraechsnotiz-strukturieren", "fachtext-vereinfachen"])
    for i in range(4):
        consultations.rate(sid, "gespraechsnotiz-strukturieren", 1, i % 2 == 0, f"Kommentar {i}")
    summary = consultations.summaries(sid)[0]
    assert not summary.released and summary.count is None and summary.comments == ()
    consultations.rate(sid, "gespraechsnotiz-strukturieren", 1, True)
    summary = consultations.summaries(sid)[0]
    assert summary.released and (summary.count, summary.helpful) == (5, 3)
    assert len(summary.comments) == 4
    # No column could hold who rated.
    columns = {c["name"] for c in inspect(engine).get_columns("consultation_ratings")}
    assert columns == {"id", "session_id", "prompt_id", "prompt_version", "helpful", "comment", "day"}
    with engine.connect() as conn:
        assert len(conn.execute(select(consultation_ratings)).all()) == 5
    with pytest.raises(ValueError):  # only the session's own prompts can be rated
        consultations.rate(sid, "stellenausschreibung", 1, True)
    consultations.close(sid)
    with pytest.raises(ValueError):
        consultations.rate(sid, "gespraechsnotiz-strukturieren", 1, True)


def test_export_markdown_and_csv(engine):
    files = PromptLibrary.load(BUILTIN_PROMPTS_DIR, strict=True)
    consultations = Consultations(engine, min_ratings=3)
    sid = consultations.open("Briefe", ["elternbrief-leichte-sprache", "fachtext-vereinfachen",
                                        "protokoll-zusammenfassen"])
    for helpful in (True, True, False):
        consultations.rate(sid, "elternbrief-leichte-sprache", 1, helpful, "gut verständlich" if helpful else None)
    consultations.rate(sid, "fachtext-vereinfachen", 1, True)
    session = consultations.get(sid)
    md = export_markdown(consultations, session, files.get)
    assert "# KI-Sprechstunde: Briefe" in md
    assert "| 3 | 2 (67%) | 1 |" in md
    assert "weniger als 3 Bewertungen" in md and "gut verständlich" in md
    rows = list(csv.reader(io.StringIO(export_csv(consultations, session, files.get)), delimiter=";"))
    assert rows[0][:4] == ["sitzung", "prompt_id", "titel", "version"]
    by_id = {r[1]: r for r in rows[1:]}
    assert by_id["elternbrief-leichte-sprache"][4:7] == ["3", "2", "1"]
    assert by_id["fachtext-vereinfachen"][4] == "" and "weniger als 3" in by_id["fachtext-vereinfachen"][9]
    assert by_id["protokoll-zusammenfassen"][9] == "nicht bewertet"


def test_area_loads_files_strictly(engine, tmp_path: Path):
    rules = tmp_path / "rules.md"
    rules.write_text("---\nversion: zwei\nvalid_from: 2026-11-01\n---\n# Regeln\nText\n", encoding="utf-8")
    settings = OnboardingSettings(rules_file=rules, prompts_dir=BUILTIN_PROMPTS_DIR)
    with pytest.raises(RulesFileError) as info:
        OnboardingArea(settings, engine)
    assert info.value.line == 2 and info.value.field == "version"
    rules.write_text("---\nversion: 3\nvalid_from: 2026-11-01\n---\n# Regeln\nText\n", encoding="utf-8")
    area = OnboardingArea(settings, engine)
    assert area.rules.version == 3 and area.needs_acknowledgement("neu")
    area.acknowledgements.record("neu", 3)
    assert not area.needs_acknowledgement("neu")


def test_admin_creates_a_prompt_directly(engine):
    files = PromptLibrary.load(BUILTIN_PROMPTS_DIR, strict=True)
    store = PromptStore(engine)
    catalog = PromptCatalog(files, store)
    draft = PromptDraft("Dienstplan Tausch anfragen", "Verwaltung", "Bittet um einen Diensttausch.",
                        "Formuliere eine Bitte um Diensttausch am {datum}.")
    unpublished = store.create(draft, catalog.taken_ids())
    assert store.get(unpublished).status == "proposed" and catalog.get(unpublished) is None
    pid = store.create(draft, catalog.taken_ids(), publish=True)
    assert pid == unpublished + "-2"
    assert [(v.version, v.change) for v in store.history(pid)] == [(1, "create")]
    prompt = catalog.get(pid)
    assert prompt.version == 1 and [v.name for v in prompt.variables] == ["datum"]
    assert pid in [p.id for p in catalog.search("Diensttausch")]


def test_browser_edit_of_a_file_prompt_overrides_it_until_reverted(engine):
    files = PromptLibrary.load(BUILTIN_PROMPTS_DIR, strict=True)
    store = PromptStore(engine)
    catalog = PromptCatalog(files, store)
    file = files.get("fachtext-vereinfachen")
    count = len(catalog.published())
    assert catalog.get(file.id) is file and store.get(file.id) is None

    edited = PromptDraft("Fachtext in Leichte Sprache", file.category, file.description,
                         "Übertrage in Leichte Sprache für {zielgruppe}:\n{fachtext}", file.variables)
    version = store.edit(file.id, edited, base=file)
    assert version == file.version + 1
    # The file version is the first history entry; the edit is a draft until published.
    assert [(v.version, v.change) for v in store.history(file.id)] == [(version, "edit"), (file.version, "file")]
    assert store.history(file.id)[1].draft.template == file.template
    assert catalog.get(file.id) is file

    store.publish(file.id)
    shown = catalog.get(file.id)
    assert (shown.title, shown.version) == ("Fachtext in Leichte Sprache", version)
    assert shown.template.startswith("Übertrage in Leichte Sprache")
    # Examples and audience come from the file; variable questions and examples survive the edit.
    assert shown.variable("fachtext").example == file.variable("fachtext").example
    assert shown.variable("fachtext").multiline and shown.audience == file.audience
    assert "Leichte Sprache" in shown.render_example()
    assert len(catalog.published()) == count  # replaced, not added
    assert [p.id for p in catalog.search("Fachtext in Leichte")] == [file.id]
    assert next(o for o in catalog.overrides() if o.file.id == file.id).source == "browser"

    # A second edit continues the numbering; the published one stays until published again.
    assert store.edit(file.id, PromptDraft(edited.title, edited.category, edited.description, "Kurz: {fachtext}"),
                      base=file) == version + 1
    assert catalog.get(file.id).version == version

    store.revert(file.id)  # back to the file, history kept
    assert catalog.get(file.id) is file
    assert next(o for o in catalog.overrides() if o.file.id == file.id).source == "file"
    assert [v.version for v in store.history(file.id)] == [version + 1, version, file.version]

    store.publish(file.id)
    assert catalog.get(file.id).template.startswith("Kurz:")
    store.retire(file.id)
    assert catalog.get(file.id) is None and len(catalog.published()) == count - 1
    assert file.id not in [p.id for p in catalog.search("Fachtext")]
    assert next(o for o in catalog.overrides() if o.file.id == file.id).source == "retired"
    store.revert(file.id)
    assert catalog.get(file.id) is file


def test_retiring_an_unedited_file_prompt_and_a_newer_file_version(engine, tmp_path: Path):
    source = BUILTIN_PROMPTS_DIR / "terminerinnerung.yaml"
    (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    store = PromptStore(engine)
    catalog = PromptCatalog(PromptLibrary.load(tmp_path, strict=True), store)
    file = catalog.files.get("terminerinnerung")
    store.retire(file.id, base=file)
    assert catalog.get(file.id) is None and catalog.published() == ()
    assert [(v.version, v.change) for v in store.history(file.id)] == [(file.version, "file")]
    store.revert(file.id)
    edited = PromptDraft("Terminerinnerung kurz", file.category, file.description, "Erinnere an {termin}.")
    version = store.edit(file.id, edited, base=file)
    store.publish(file.id)
    assert catalog.get(file.id).version == version

    # The repository ships a newer version of the file: it is the base again (no stale override).
    text = source.read_text(encoding="utf-8").replace(f"version: {file.version}\n", f"version: {version + 1}\n")
    (tmp_path / source.name).write_text(text, encoding="utf-8")
    catalog = PromptCatalog(PromptLibrary.load(tmp_path, strict=True), store)
    assert catalog.get(file.id).version == version + 1 and catalog.get(file.id).title == file.title
    assert store.edit(file.id, edited, base=catalog.files.get(file.id)) == version + 2


def test_proposals_never_take_a_file_prompt_id(engine):
    files = PromptLibrary.load(BUILTIN_PROMPTS_DIR, strict=True)
    store = PromptStore(engine)
    catalog = PromptCatalog(files, store)
    file = files.get("terminerinnerung")
    store.edit(file.id, PromptDraft(file.title, file.category, file.description, "Neu {termin}"), base=file)
    pid = store.propose(PromptDraft("Terminerinnerung", "Briefe", "B", "T"), catalog.taken_ids())
    assert pid == "terminerinnerung-2"
    with pytest.raises(KeyError):
        store.edit("gibt-es-nicht", DRAFT)
