"""Reading a MkDocs config file outside a build (make check, the township builds): its settings
merged over the files it inherits (`INHERIT:`, as MkDocs merges them: mappings key by key, any
other value replaced), without running its `!!python` or `!ENV` tags."""

from __future__ import annotations

from pathlib import Path

import yaml

from .datafile import explain_yaml_error
from .errors import ContentError


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags are read as nothing: only plain settings are wanted here."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)
_ConfigLoader.add_constructor("!relative", lambda loader, node: None)


def load_config_file(path: Path, shown: str | None = None, text: str | None = None) -> dict:
    """One config file's own settings (INHERIT not followed), from `text` if the caller has read
    it already. A YAML mistake is a ContentError."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8") if text is None else text, Loader=_ConfigLoader)
    except yaml.YAMLError as e:
        message, line = explain_yaml_error(e)
        raise ContentError(shown or path, f"YAML 格式错误：{message}（请检查缩进、冒号和引号）", line=line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError(shown or path, "应为“设置名: 值”的键值对，照 mkdocs.yml 的样子写")
    return data


def merge(parent: dict, child: dict) -> dict:
    out = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def read_config(path: Path, _seen: tuple[Path, ...] = ()) -> dict:
    """The settings of a config file with everything it inherits. No file: no settings."""
    if not path.exists():
        return {}
    data = load_config_file(path)
    parent = data.pop("INHERIT", None)
    if not parent:
        return data
    parent_path = (path.parent / str(parent)).resolve()
    if parent_path in _seen:
        raise ContentError(path, f"INHERIT 绕成了圈：{parent} 又继承回了本文件")
    return merge(read_config(parent_path, (*_seen, path.resolve())), data)
