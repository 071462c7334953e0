"""The official ``openai`` client against a running SafeGPT with a recording upstream on 127.0.0.1."""

from __future__ import annotations

import httpx
import openai
import pytest

from tests.api.conftest import EMBEDDING_MODEL

MESSAGE = ("Frau Aylin Demir (geb. 14.03.1987, aylin.demir@web.de) braucht Hilfe beim Antrag auf Wohngeld. "
           "Was muss ich beachten?")
SECRETS = ("Aylin", "Demir", "14.03.1987", "aylin.demir@web.de")
HEALTH = "Frau Aylin Demir hat eine Depression. Was muss ich bei der Hilfeplanung beachten?"


def assert_only_pseudonyms_sent(provider) -> None:
    sent = provider.received_text()
    assert provider.requests, "nothing reached the upstream"
    for secret in SECRETS:
        assert secret not in sent
    assert "[Person 1]" in sent


def test_plain_completion_pseudonymises_upstream_and_restores(env):
    completion = env.client("fallakte").chat.completions.create(
        model="extern", messages=[{"role": "user", "content": MESSAGE}])
    answer = completion.choices[0].message.content
    assert "Aylin Demir" in answer and "[Person" not in answer
    assert completion.choices[0].finish_reason == "stop" and completion.model == "extern"
    assert completion.usage.prompt_tokens > 0 and completion.usage.completion_tokens > 0
    assert completion.usage.total_tokens == completion.usage.prompt_tokens + completion.usage.completion_tokens
    info = completion.model_extra["safegpt"]
    assert info["data_class"] == "pseudonymised"
    assert info["pseudonymised"] == {"PERSON": 1, "DATE_OF_BIRTH": 1, "EMAIL_ADDRESS": 1}
    assert info["sources"] == []  # grounding only on request
    assert_only_pseudonyms_sent(env.provider)
    assert len(env.provider.requests) == 1 and env.provider.requests[0]["model"] == "stub-model"


def test_streamed_completion_restores_names_and_ends_with_usage(env):
    stream = env.client("fallakte").chat.completions.create(
        model="extern", messages=[{"role": "user", "content": MESSAGE}], stream=True,
        stream_options={"include_usage": True})
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "Aylin Demir" in text and "[Person" not in text
    finished = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert [c.choices[0].finish_reason for c in finished] == ["stop"]
    assert finished[0].model_extra["safegpt"]["data_class"] == "pseudonymised"
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens > 0
    assert_only_pseudonyms_sent(env.provider)


def test_stream_without_usage_option_has_no_usage_chunk(env):
    with httpx.stream("POST", env.base_url + "/chat/completions", timeout=60,
                      headers={"Authorization": f"Bearer {env.keys['fallakte'].secret}"},
                      json={"model": "extern", "stream": True,
                            "messages": [{"role": "user", "content": "Was gilt für Dienstreisen?"}]}) as response:
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in response.iter_lines() if line]
    assert lines[-1] == "data: [DONE]"
    assert all('"usage"' not in line for line in lines)


def test_system_and_earlier_turns_are_pseudonymised_history(env):
    client = env.client("fallakte")
    completion = client.chat.completions.create(model="extern", messages=[
        {"role": "system", "content": "Du schreibst Vermerke für die Akte von Aylin Demir."},
        {"role": "user", "content": MESSAGE},
        {"role": "assistant", "content": "Für Aylin Demir gilt: Mietbescheinigung beifügen."},
        {"role": "user", "content": "Und was braucht Frau Demir noch für die Wohngeldstelle?"},
    ])
    assert "Demir" in completion.choices[0].message.content
    assert_only_pseudonyms_sent(env.provider)
    sent = env.provider.requests[0]["messages"]
    roles = [m["role"] for m in sent]
    assert roles == ["system", "system", "user", "assistant", "user"]
    assert "Vermerke für die Akte von [Person 1]" in sent[1]["content"]
    assert "[Person 1]" in sent[3]["content"] and "[Person 1]" in sent[4]["content"]


def test_conversation_id_keeps_pseudonyms_and_history_across_requests(env):
    client = env.client("fallakte")
    body = {"safegpt": {"conversation_id": "akte-4711"}}
    client.chat.completions.create(model="extern", messages=[{"role": "user", "content": MESSAGE}], extra_body=body)
    second = client.chat.completions.create(
        model="extern", messages=[{"role": "user", "content": "Braucht Frau Demir auch einen Mietvertrag?"}],
        extra_body=body)
    assert "Demir" in second.choices[0].message.content
    assert second.model_extra["safegpt"]["conversation_id"] == "akte-4711"
    later = env.provider.requests[1]["messages"]
    assert "[Person 1]" in later[-1]["content"]
    assert any("[Geburtsdatum 1]" in m["content"] for m in later[1:-1]), "first turn not kept as history"
    assert_only_pseudonyms_sent(env.provider)
    # The same conversation id under another key is another conversation.
    other = env.client("fuzz").chat.completions.create(
        model="extern", messages=[{"role": "user", "content": "Braucht Frau Demir auch einen Mietvertrag?"}],
        extra_body=body)
    assert len(env.provider.requests[2]["messages"]) == 2 and other.choices


def test_special_category_refused_for_cloud_model_and_nothing_sent(env):
    client = env.client("fallakte")
    with pytest.raises(openai.PermissionDeniedError) as refused:
        client.chat.completions.create(model="extern", messages=[{"role": "user", "content": HEALTH}])
    error = refused.value.body
    assert refused.value.status_code == 403 and error["code"] == "data_class_not_allowed"
    assert "Art. 9" in error["message"] and "Demir" not in error["message"]
    with pytest.raises(openai.PermissionDeniedError):  # streamed: refused before the stream starts
        client.chat.completions.create(model="extern", messages=[{"role": "user", "content": HEALTH}], stream=True)
    with pytest.raises(openai.PermissionDeniedError):  # also when the health data is in an earlier turn
        client.chat.completions.create(model="extern", messages=[
            {"role": "user", "content": HEALTH}, {"role": "assistant", "content": "Verstanden."},
            {"role": "user", "content": "Was gilt für Wohngeld?"}])
    assert env.provider.requests == []


def test_key_data_classes_limit_a_model_that_may_receive_them(env):
    with pytest.raises(openai.PermissionDeniedError) as refused:
        env.client("intern-eng").chat.completions.create(model="intern", messages=[{"role": "user", "content": HEALTH}])
    assert "special_category" in refused.value.body["message"]
    assert env.provider.requests == []
    allowed = env.client("intern-voll").chat.completions.create(
        model="intern", messages=[{"role": "user", "content": HEALTH}])
    assert "Aylin Demir" in allowed.choices[0].message.content
    assert allowed.model_extra["safegpt"]["data_class"] == "special_category"
    assert_only_pseudonyms_sent(env.provider)


def test_models_lists_only_the_keys_models(env):
    assert [m.id for m in env.client("fallakte").models.list()] == ["extern", EMBEDDING_MODEL]
    listed = {m.id: m for m in env.client("intern-voll").models.list()}
    assert list(listed) == ["intern"]
    assert listed["intern"].model_extra["data_classes"] == ["none", "pseudonymised", "residual_risk",
                                                            "special_category"]
    assert env.client("fallakte").models.retrieve("extern").id == "extern"
    with pytest.raises(openai.NotFoundError):
        env.client("fallakte").models.retrieve("intern")


def test_model_outside_the_key_is_not_found(env):
    with pytest.raises(openai.NotFoundError) as missing:
        env.client("fallakte").chat.completions.create(model="intern", messages=[{"role": "user", "content": "Hallo"}])
    assert missing.value.body["code"] == "model_not_found"
    with pytest.raises(openai.NotFoundError):
        env.client("fallakte").chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hallo"}])
    assert env.provider.requests == []


def test_revoked_wrong_and_missing_keys_get_the_same_401(env):
    revoked = env.client("gesperrt")
    with pytest.raises(openai.AuthenticationError) as first:
        revoked.chat.completions.create(model="extern", messages=[{"role": "user", "content": MESSAGE}])
    good = env.keys["fallakte"].secret
    wrong = openai.OpenAI(base_url=env.base_url, api_key=good[:-4] + "AAAA", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as second:
        wrong.models.list()
    missing = httpx.get(env.base_url + "/models")
    assert missing.status_code == 401
    assert first.value.body == second.value.body == missing.json()["error"]
    # Only headers carry keys: a key in the query string is not looked at.
    assert httpx.get(env.base_url + "/models", params={"api_key": good}).status_code == 401
    # The Azure-style api-key header works as well.
    assert httpx.get(env.base_url + "/models", headers={"api-key": good}).status_code == 200
    assert env.provider.requests == []


def test_rate_limit_answers_429_with_retry_after(env):
    client = env.client("langsam")  # 2 requests per minute
    statuses = []
    for _ in range(4):
        try:
            client.models.list()
            statuses.append(200)
        except openai.RateLimitError as exc:
            statuses.append(429)
            retry_after = int(exc.response.headers["retry-after"])
            assert 1 <= retry_after <= 60
            assert exc.body["code"] == "rate_limit_exceeded"
    assert statuses == [200, 200, 429, 429]


# A question the sample guideline answers with the list the recording upstream's reply names: its [1] stays cited.
# (For MESSAGE's vague "Was muss ich beachten?" the evidence is the guideline's opening sentence, and the draft
# check rightly removes a [1] whose passage shares nothing with the reply, issue 18.)
DOCUMENTS_QUESTION = ("Frau Aylin Demir (geb. 14.03.1987, aylin.demir@web.de) stellt einen Antrag auf Wohngeld. "
                      "Welche Unterlagen muss sie beifügen?")


def test_knowledge_grounding_returns_sources(env):
    completion = env.client("fallakte").chat.completions.create(
        model="extern", messages=[{"role": "user", "content": DOCUMENTS_QUESTION}],
        extra_body={"safegpt": {"knowledge": True}})
    info = completion.model_extra["safegpt"]
    assert info["sources"], "no guideline passage retrieved for a Wohngeld question"
    assert any("ohngeld" in s["title"] + s["text"] for s in info["sources"])
    assert [s["number"] for s in info["sources"]] == list(range(1, len(info["sources"]) + 1))
    assert info["sources"][0]["cited"] is True  # the recording upstream cites [1]
    assert "Aylin Demir" in completion.choices[0].message.content
    # The excerpts went along as numbered guideline text (chat.core.prompting.grounded_messages).
    assert "Richtlinientext:" in env.provider.received_text() and "[1] " in env.provider.received_text()
    assert_only_pseudonyms_sent(env.provider)


def test_knowledge_sources_arrive_in_the_final_stream_chunk(env):
    stream = env.client("fallakte").chat.completions.create(
        model="extern", messages=[{"role": "user", "content": "Welche Unterlagen braucht man für Wohngeld?"}],
        stream=True, extra_body={"safegpt": {"knowledge": True}})
    final = [c for c in stream if c.choices and c.choices[0].finish_reason][0]
    assert final.model_extra["safegpt"]["sources"]


def test_embeddings_with_the_knowledge_embedder(env):
    client = env.client("fallakte")
    result = client.embeddings.create(model=EMBEDDING_MODEL, input=["Frau Aylin Demir braucht Wohngeld.", "Wohngeld"])
    assert [d.index for d in result.data] == [0, 1]
    assert len(result.data[0].embedding) == 512 and result.usage.prompt_tokens > 0
    floats = client.embeddings.create(model=EMBEDDING_MODEL, input="Wohngeld", encoding_format="float")
    assert floats.data[0].embedding == pytest.approx(result.data[1].embedding, abs=1e-5)
    with pytest.raises(openai.NotFoundError):
        env.client("intern-voll").embeddings.create(model=EMBEDDING_MODEL, input="Wohngeld")
    with pytest.raises(openai.PermissionDeniedError):
        client.embeddings.create(model=EMBEDDING_MODEL, input=HEALTH)


def test_usage_is_counted_per_system_and_model_without_text(env):
    env.client("fallakte").chat.completions.create(model="extern", messages=[{"role": "user", "content": MESSAGE}])
    with pytest.raises(openai.NotFoundError):  # the model field is free text: a client's name stays out too
        env.client("fallakte").chat.completions.create(model="Aylin Demir", messages=[{"role": "user",
                                                                                       "content": "Hallo"}])
    out = env.cli("apikey", "usage").stdout
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    ok = [r for r in rows if r[1] == "Fallakte" and r[2] == "extern" and r[3] == "ok"]
    assert ok and int(ok[0][4]) >= 1 and int(ok[0][5]) > 0
    outcomes = {(r[1], r[3]) for r in rows}
    assert ("Fallakte", "refused_policy") in outcomes and ("Nachtlauf", "rate_limited") in outcomes
    data = b"".join(p.read_bytes() for p in env.server.data_dir.glob("safegpt.db*"))
    for secret in SECRETS:
        assert secret.encode() not in data
    assert env.keys["fallakte"].secret.encode() not in data  # only its hash is stored
    log = env.server.log.read_text()
    assert "Demir" not in log and "Depression" not in log


def test_apikey_list_shows_ids_and_status_but_no_secret(env):
    out = env.cli("apikey", "list").stdout
    assert env.keys["fallakte"].key_id in out and "Fallakte" in out
    assert "gesperrt" in out and env.keys["fallakte"].secret not in out
    again = env.cli("apikey", "revoke", env.keys["gesperrt"].key_id, check=False)
    assert again.returncode != 0 and "bereits gesperrt" in again.stderr
    bad = env.cli("apikey", "add", "X", "--models", "gpt-4o", check=False)
    assert bad.returncode != 0 and "Unbekannte Modelle" in bad.stderr


@pytest.fixture
def failing(env):
    yield env.provider
    env.provider.mode = "echo"


def test_unreachable_model_is_a_502_before_and_an_error_event_during_the_stream(env, failing):
    client = env.client("fallakte")
    failing.mode = "fail"
    with pytest.raises(openai.APIStatusError) as down:
        client.chat.completions.create(model="extern", messages=[{"role": "user", "content": MESSAGE}])
    assert down.value.status_code == 502 and down.value.body["code"] == "model_unavailable"
    with pytest.raises(openai.APIStatusError):
        client.chat.completions.create(model="extern", messages=[{"role": "user", "content": MESSAGE}], stream=True)
    failing.mode = "die_mid_stream"
    with pytest.raises(openai.APIError) as died:
        list(client.chat.completions.create(model="extern", stream=True,
                                            messages=[{"role": "user", "content": MESSAGE}]))
    assert "Demir" not in str(died.value)


def test_remembered_special_category_turns_never_go_to_a_model_that_may_not_receive_them(env):
    client = env.client("intern-voll")
    body = {"safegpt": {"conversation_id": "pflege-1"}}
    client.chat.completions.create(model="intern", messages=[{"role": "user", "content": HEALTH}], extra_body=body)
    # The same conversation continues on another model: the remembered health turn must not travel along.
    voll_extern = env.cli("apikey", "add", "Pflegedoku2", "--models", "intern,extern", "--classes",
                          "none,pseudonymised,residual_risk,special_category").stdout.strip().splitlines()[-1]
    other = openai.OpenAI(base_url=env.base_url, api_key=voll_extern, max_retries=0)
    other.chat.completions.create(model="intern", messages=[{"role": "user", "content": HEALTH}], extra_body=body)
    env.provider.requests.clear()
    with pytest.raises(openai.PermissionDeniedError):
        other.chat.completions.create(model="extern", messages=[{"role": "user", "content": "Und das Wohngeld?"}],
                                      extra_body=body)
    assert env.provider.requests == []


def test_grounded_completion_returns_the_evidence_first_and_the_check(env):
    env.provider.reply = "Wohngeld wird für 36 Monate bewilligt [1]."  # the sample guideline says 12, at most 24
    try:
        completion = env.client("fallakte").chat.completions.create(
            model="extern", messages=[{"role": "user", "content": "Für wie lange wird Wohngeld bewilligt?"}],
            extra_body={"safegpt": {"knowledge": True}})
    finally:
        env.provider.reply = None
    info = completion.model_extra["safegpt"]
    assert info["answer_kind"] == "grounded" and info["grounding"] == "grounded"
    assert any("12 Monate" in e["text"] and e["section"] == "5. Fristen und Bewilligungszeitraum"
               for e in info["evidence"])
    assert info["check"]["unsupported"] == [{"text": "36 Monate", "kind": "duration"}]
    answer = completion.choices[0].message.content  # what a client shows: evidence, then the marked draft
    assert answer == info["checked_answer"]
    assert answer.index("12 Monate") < answer.index("36 Monate ⚠️ *(nicht in der Richtlinie belegt)*")
