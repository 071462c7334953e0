"""Building and using the guardrail must not touch the network."""

import socket

import pytest

from guardrails import GuardrailSettings
from guardrails.guardrail import Guardrail


class NetworkUsed(AssertionError):
    pass


@pytest.fixture()
def no_network(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args[:1])
        raise NetworkUsed("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return calls


def test_build_and_detect_without_network(no_network, monkeypatch, tmp_path):
    # No tldextract cache from earlier runs may help: point HOME/XDG at an empty dir.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    guardrail = Guardrail(GuardrailSettings())
    spans = guardrail.detect("Mail an jonas.weber@beispiel-verein.berlin und info@example.co.uk")
    assert [s.entity_type for s in spans] == ["EMAIL_ADDRESS", "EMAIL_ADDRESS"]
    conv = guardrail.conversation()
    assert conv.restore(conv.protect("Frau Aylin Demir").text) == "Frau Aylin Demir"
    assert no_network == []
