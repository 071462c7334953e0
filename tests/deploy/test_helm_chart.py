"""The Helm chart, rendered by Helm's own Go engine (``helm-python-sdk`` binds libhelm; no helm binary, no
cluster) for the default values and the variants operators will use, and checked manifest by manifest."""

from __future__ import annotations

import tomllib

import pytest
import yaml

from tests.support.server import REPO

CHART = REPO / "deploy" / "helm" / "safegpt"
EXTERNAL = {
    "postgresql": {"bundled": False, "external": {"cidr": "10.20.0.5/32", "port": 5432}},
    "chroma": {"bundled": False, "external": {"host": "chroma.intern", "cidr": "10.20.0.6/32", "port": 8000}},
    "vllm": {"enabled": False},
    "secrets": {"existingSecret": "safegpt-keys-from-vault", "create": False},
    "networkPolicy": {"approvedModelEndpoints": [{"name": "mistral", "cidr": "203.0.113.10/32", "ports": [443]}]},
    "sso": {"header": {"enabled": True, "name": "X-Remote-User", "authUrl": "http://oauth2-proxy.auth/oauth2/auth",
                       "signinUrl": "https://chat.traeger.example/oauth2/start"}},
}


def render(values: dict | None = None) -> list[dict]:
    import helm_python as helm

    with helm.Chart.load(str(CHART)) as chart:
        manifests = chart.render(values or {}, name="safegpt", namespace="safegpt")
    docs = []
    for name, text in manifests.items():
        if name.endswith(".tpl") or not text.strip():
            continue
        docs += [d for d in yaml.safe_load_all(text) if d]
    return docs


def by_kind(docs: list[dict], kind: str) -> list[dict]:
    return [d for d in docs if d["kind"] == kind]


def one(docs: list[dict], kind: str, name: str) -> dict:
    (doc,) = [d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name]
    return doc


@pytest.fixture(scope="module")
def default() -> list[dict]:
    return render()


@pytest.fixture(scope="module")
def external() -> list[dict]:
    return render(EXTERNAL)


def test_chart_lints_without_errors():
    import helm_python as helm

    result = helm.lint(str(CHART))
    assert result["errors"] == [], result
    assert not [m for m in result["messages"] if m["severity"] >= 3], result["messages"]


def test_default_render_has_every_part(default):
    kinds = {(d["kind"], d["metadata"]["name"]) for d in default}
    for expected in [("Deployment", "safegpt"), ("Service", "safegpt"), ("HorizontalPodAutoscaler", "safegpt"),
                     ("Ingress", "safegpt"), ("ConfigMap", "safegpt-config"), ("Secret", "safegpt-keys"),
                     ("StatefulSet", "safegpt-postgresql"), ("StatefulSet", "safegpt-chroma"),
                     ("Deployment", "safegpt-vllm"), ("NetworkPolicy", "safegpt-web"),
                     ("PersistentVolumeClaim", "safegpt-data")]:
        assert expected in kinds, expected
    for doc in default:
        assert doc["apiVersion"] and doc["metadata"]["name"], doc


def test_deployment_is_non_root_probed_and_scaled_by_the_hpa(default):
    deployment = one(default, "Deployment", "safegpt")
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] != 0
    (container,) = pod["containers"]
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert "replicas" not in deployment["spec"], "the HPA owns the replica count"
    hpa = one(default, "HorizontalPodAutoscaler", "safegpt")
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "safegpt"}
    assert hpa["spec"]["minReplicas"] >= 2
    # Every process shares the login secret and the history key (else sessions break between pods).
    env_from = container["envFrom"][0]["secretRef"]["name"]
    secret = one(default, "Secret", env_from)
    shared = {"CHAINLIT_AUTH_SECRET", "SAFEGPT_HISTORY_KEY", "POSTGRES_PASSWORD", "VLLM_API_KEY"}
    assert shared <= set(secret["stringData"])
    env = {e["name"]: e.get("value") for e in container["env"]}
    url = env["SAFEGPT_DATABASE_URL"]
    assert url.startswith("postgresql+psycopg://safegpt:$(POSTGRES_PASSWORD)@safegpt-postgresql")


def test_history_key_is_a_valid_fernet_key(default):
    from cryptography.fernet import Fernet

    key = one(default, "Secret", "safegpt-keys")["stringData"]["SAFEGPT_HISTORY_KEY"]
    Fernet(key.encode())


def test_ingress_has_cookie_affinity_tls_and_websocket_timeouts(default):
    ingress = one(default, "Ingress", "safegpt")
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/session-cookie-name"] == "safegpt_route"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert ingress["spec"]["tls"][0]["secretName"]
    assert "nginx.ingress.kubernetes.io/auth-url" not in notes


def test_config_map_is_valid_settings(default, tmp_path, monkeypatch):
    from chat.settings import load_settings

    toml = one(default, "ConfigMap", "safegpt-config")["data"]["safegpt.toml"]
    tomllib.loads(toml)
    path = tmp_path / "safegpt.toml"
    path.write_text(toml)
    monkeypatch.delenv("SAFEGPT_DATA_DIR", raising=False)
    settings = load_settings(path)
    assert settings.knowledge.chroma_mode == "http" and settings.knowledge.chroma_host == "safegpt-chroma"
    entry = settings.model(settings.chat.default_model)
    assert entry.litellm_params["api_base"] == "http://safegpt-vllm:8000/v1"
    assert entry.litellm_params["api_key"] == "os.environ/VLLM_API_KEY"


def test_vllm_runs_on_a_gpu_offline(default):
    pod = one(default, "Deployment", "safegpt-vllm")["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["resources"]["limits"]["nvidia.com/gpu"] >= 1
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["HF_HUB_OFFLINE"] == "1"
    assert "--served-model-name=qwen2.5-7b" in container["args"]


def _egress_targets(policy: dict) -> list[dict]:
    return [target for rule in policy["spec"]["egress"] for target in rule["to"]]


def test_network_policy_lets_out_only_dns_database_chroma_and_models(default, external):
    web = one(default, "NetworkPolicy", "safegpt-web")
    assert set(web["spec"]["policyTypes"]) == {"Ingress", "Egress"}
    components = sorted(t["podSelector"]["matchLabels"].get("app.kubernetes.io/component", "dns")
                        for t in _egress_targets(web))
    assert components == ["chroma", "dns", "postgresql", "vllm"]
    assert not any("ipBlock" in t for t in _egress_targets(web)), "no way out of the cluster by default"
    for name in ("safegpt-postgresql", "safegpt-chroma", "safegpt-vllm"):
        assert one(default, "NetworkPolicy", name)["spec"]["egress"] == [], f"{name} must not connect anywhere"

    web = one(external, "NetworkPolicy", "safegpt-web")
    blocks = sorted(t["ipBlock"]["cidr"] for t in _egress_targets(web) if "ipBlock" in t)
    assert blocks == ["10.20.0.5/32", "10.20.0.6/32", "203.0.113.10/32"]
    mistral = [r for r in web["spec"]["egress"] if r["to"][0].get("ipBlock", {}).get("cidr") == "203.0.113.10/32"]
    assert mistral[0]["ports"] == [{"port": 443, "protocol": "TCP"}]


def test_external_dependencies_and_existing_secret(external):
    kinds = {(d["kind"], d["metadata"]["name"]) for d in external}
    assert ("StatefulSet", "safegpt-postgresql") not in kinds and ("StatefulSet", "safegpt-chroma") not in kinds
    assert ("Deployment", "safegpt-vllm") not in kinds and ("Secret", "safegpt-keys") not in kinds
    container = one(external, "Deployment", "safegpt")["spec"]["template"]["spec"]["containers"][0]
    assert container["envFrom"][0]["secretRef"]["name"] == "safegpt-keys-from-vault"
    assert "SAFEGPT_DATABASE_URL" not in {e["name"] for e in container["env"]}, "comes from the Secret"


def test_sso_header_name_is_configurable_and_set_only_by_the_auth_service(external):
    notes = one(external, "Ingress", "safegpt")["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/auth-response-headers"] == "X-Remote-User"
    assert notes["nginx.ingress.kubernetes.io/auth-url"].startswith("http://oauth2-proxy")
    container = one(external, "Deployment", "safegpt")["spec"]["template"]["spec"]["containers"][0]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["SAFEGPT_AUTH__HEADER_ENABLED"] == "true" and env["SAFEGPT_AUTH__HEADER_USER"] == "X-Remote-User"


def test_missing_external_database_address_is_a_clear_error():
    with pytest.raises(Exception, match="postgresql.external.cidr"):
        render({"postgresql": {"bundled": False}})


def test_pods_know_their_https_address_and_their_proxies(default, tmp_path, monkeypatch):
    """Secure cookies, the allowed origin and the trusted ingress addresses come from the values (issue 16)."""
    from chat.settings import load_settings

    (container,) = one(default, "Deployment", "safegpt")["spec"]["template"]["spec"]["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    for name, value in env.items():
        if name.startswith("SAFEGPT_") and value is not None and "$(" not in value:
            monkeypatch.setenv(name, value)
    path = tmp_path / "safegpt.toml"
    path.write_text(one(default, "ConfigMap", "safegpt-config")["data"]["safegpt.toml"])
    settings = load_settings(path)
    assert settings.security.public_url == "https://chat.traeger.example" and settings.security.secure_cookies
    assert settings.server.allowed_origins == ["https://chat.traeger.example"]
    assert settings.security.trusted_proxies == ["10.0.0.0/8"]
    assert settings.security.cookie_samesite == "strict"
    assert "SAFEGPT_USAGE__METRICS_TOKEN" not in env  # /metrics off unless a token is configured
    with_token = render({"metrics": {"existingTokenKey": "METRICS_TOKEN"}})
    (container,) = one(with_token, "Deployment", "safegpt")["spec"]["template"]["spec"]["containers"]
    token = next(e for e in container["env"] if e["name"] == "SAFEGPT_USAGE__METRICS_TOKEN")
    assert token["valueFrom"]["secretKeyRef"]["key"] == "METRICS_TOKEN"
