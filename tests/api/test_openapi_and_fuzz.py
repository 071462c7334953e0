"""The served OpenAPI description, and a fuzz run of the request parser that must never yield a 500."""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

VALID = {"model": "extern", "messages": [{"role": "user", "content": "Was gilt für Dienstreisen?"}]}
FIELDS = ["model", "messages", "stream", "stream_options", "max_tokens", "n", "temperature", "tools", "safegpt",
          "response_format", "max_completion_tokens"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


def test_openapi_description_is_valid_and_covers_only_v1(api_env):
    from openapi_spec_validator import validate

    response = httpx.get(api_env.base_url + "/openapi.json")  # public: a description, no data
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/v1/chat/completions", "/v1/models", "/v1/models/{model_id}", "/v1/embeddings"}
    post = spec["paths"]["/v1/chat/completions"]["post"]
    ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schemas = spec["components"]["schemas"]
    request_schema = schemas[ref.rsplit("/", 1)[1]]
    assert {"model", "messages", "stream", "safegpt"} <= set(request_schema["properties"])
    assert {"401", "403", "429"} <= set(post["responses"])
    assert "safegpt" in schemas["ChatCompletion"]["properties"]
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    # The chat UI and health routes are not part of the description.
    assert not any(p.startswith("/chat") or p in ("/healthz", "/readyz") for p in spec["paths"])
    # Every reference resolves.
    text = json.dumps(spec)
    for name in {part.split('"')[0] for part in text.split('"#/components/schemas/')[1:]}:
        assert name in schemas, name


def check_error_shape(response: httpx.Response) -> None:
    assert response.status_code != 500 and response.status_code < 500, response.text[:300]
    if response.status_code >= 400:
        error = response.json()["error"]
        assert isinstance(error["message"], str) and error["message"] and isinstance(error["type"], str)
        assert set(error) == {"message", "type", "code", "param"}


@pytest.fixture(scope="module")
def fuzz_client(api_env):
    with httpx.Client(base_url=api_env.base_url, timeout=60,
                      headers={"Authorization": f"Bearer {api_env.keys['fuzz'].secret}"}) as client:
        yield client


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=st.binary(max_size=300))
def test_fuzz_raw_bytes_never_500(fuzz_client, body):
    check_error_shape(fuzz_client.post("/chat/completions", content=body,
                                       headers={"content-type": "application/json"}))


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=json_values)
def test_fuzz_any_json_never_500(fuzz_client, body):
    check_error_shape(fuzz_client.post("/chat/completions", json=body))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(field=st.sampled_from(FIELDS), value=json_values,
       message=st.fixed_dictionaries({"role": st.sampled_from(["user", "system", "assistant", "tool", "x"]),
                                      "content": json_values}))
def test_fuzz_wrong_types_in_a_valid_request_never_500(fuzz_client, field, value, message):
    body = {**VALID, field: value}
    response = fuzz_client.post("/chat/completions", json=body)
    check_error_shape(response)
    mixed = {**VALID, "messages": [message, *VALID["messages"]]}
    check_error_shape(fuzz_client.post("/chat/completions", json=mixed))


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=json_values)
def test_fuzz_embeddings_never_500(fuzz_client, body):
    check_error_shape(fuzz_client.post("/embeddings", json=body))


@pytest.mark.parametrize("case", ["declared", "chunked"])
def test_huge_body_gets_413_before_parsing(fuzz_client, case):
    huge = json.dumps({**VALID, "padding": "x" * 2_000_000}).encode()
    if case == "declared":
        response = fuzz_client.post("/chat/completions", content=huge)
    else:  # no Content-Length: the limit still holds while reading
        response = fuzz_client.post("/chat/completions", content=iter([huge[i:i + 65536]
                                                                       for i in range(0, len(huge), 65536)]))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_too_large"


@pytest.mark.parametrize("body", [
    b"", b"null", b"[]", b"{}", b"[" * 50_000, b'{"model": "extern", "messages": ' + b"[" * 5000,
    b'{"model": "extern", "messages": [{"role": "user", "content": "a\\ud800b"}]}',
    b'{"model": "extern", "messages": [{"role": "user", "content": "\\u0000"}]}',
    b'\xff\xfe{"model": 1}', json.dumps({**VALID, "messages": VALID["messages"] * 500}).encode(),
    json.dumps({**VALID, "messages": [{"role": "user", "content": "x" * 30_000}]}).encode(),
    json.dumps({**VALID, "n": 2}).encode(), json.dumps({**VALID, "tools": [{"type": "function"}]}).encode(),
    json.dumps({**VALID, "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]}).encode(),
    json.dumps({**VALID, "safegpt": {"conversation_id": "../../etc"}}).encode(),
    json.dumps({**VALID, "safegpt": {"unknown": 1}}).encode(),
])
def test_edge_bodies_get_4xx_errors(fuzz_client, body):
    response = fuzz_client.post("/chat/completions", content=body, headers={"content-type": "application/json"})
    check_error_shape(response)
    assert 400 <= response.status_code < 500


def test_errors_never_quote_the_request(fuzz_client):
    secret = "Aylin Demir"
    for body in ({**VALID, "model": secret}, {**VALID, "messages": [{"role": secret, "content": secret}]},
                 {**VALID, "messages": [{"role": "user", "content": secret * 2000}]},
                 {**VALID, "messages": [{"role": "user", "content": secret}, {"role": "assistant", "content": "x"}]},
                 {**VALID, "max_tokens": secret}, {**VALID, "safegpt": {secret: True}}):
        response = fuzz_client.post("/chat/completions", json=body)
        assert 400 <= response.status_code < 500 and "Demir" not in response.text, response.text


def test_unknown_path_and_wrong_method_are_openai_errors(fuzz_client):
    assert fuzz_client.get("/nope").json()["error"]["code"] == "not_found"
    wrong = fuzz_client.get("/chat/completions")
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "method_not_allowed"


def test_server_logged_no_traceback_and_no_text(api_env):
    """Runs after the fuzzing: nothing above crashed inside the server, and nothing sent was logged."""
    log = api_env.server.log.read_text()
    assert "Traceback" not in log and "Dienstreisen" not in log and "Demir" not in log
