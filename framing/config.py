"""Plugin settings: one mechanism for ``framing.toml``, ``[tool.framing]`` and ``--set``.

A project keeps its settings in ``framing.toml`` (or ``[tool.framing]`` in ``pyproject.toml``) in
the working directory::

    [settings.certainty]
    top = 5

``--set certainty.top=10`` on the command line overrides the file. Every value reaches plugins as
a string in ``config["settings"][ANALYZER][KEY]``, whichever way it was given, so a plugin converts
values one way. A plugin declares its settings with :class:`Setting` and calls
:func:`read_settings`, which converts them, fills in defaults and refuses unknown keys and wrong
types with a one-line error naming the plugin.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from framing.errors import UsageError

CONFIG_FILE = "framing.toml"
SETTING_TYPES: dict[type, str] = {
    str: "text",
    int: "whole number",
    float: "number",
    bool: "true or false",
    Path: "file path",
}


@dataclass(frozen=True)
class Setting:
    """One setting a plugin accepts: key, type (str, int, float, bool or Path), default, meaning."""

    name: str
    type: type
    default: Any
    description: str
    # Says what is wrong with a converted value ("must be 1 or more"), or "" when it is fine: for the
    # ranges and choices a type alone does not check.
    check: Callable[[Any], str] | None = None


def _to_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "yes", "1", "on"):
        return True
    if lowered in ("false", "no", "0", "off"):
        return False
    raise ValueError(text)


def _to_path(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_file():
        raise ValueError("no such file")
    return path


CONVERTERS: dict[type, Callable[[str], Any]] = {
    str: str, int: int, float: float, bool: _to_bool, Path: _to_path,
}


def read_settings(
    config: Mapping[str, Any], analyzer: str, declared: Sequence[Setting]
) -> dict[str, Any]:
    """The analyzer's settings converted to their declared types, defaults filled in.

    Raises SettingsError (one line naming where the setting was given, then the analyzer) for an
    unknown key, a value that does not convert, or a number that is not finite; the run stops
    before any article (exit 2).
    """
    given: Mapping[str, str] = config.get("settings", {}).get(analyzer, {})
    known = {setting.name: setting for setting in declared}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise setting_error(
            config, analyzer,
            f"{analyzer}: unknown setting {', '.join(unknown)}; "
            f"known: {', '.join(sorted(known)) or 'none'}"
        )
    values: dict[str, Any] = {}
    for setting in declared:
        if setting.name not in given:
            values[setting.name] = setting.default
            continue
        raw = given[setting.name]
        try:
            values[setting.name] = CONVERTERS[setting.type](raw)
            if setting.type is float and not math.isfinite(values[setting.name]):
                raise ValueError(raw)
        except (ValueError, OSError) as error:
            reason = f" ({error})" if setting.type is Path else ""
            raise setting_error(
                config, analyzer,
                f"{analyzer}: setting {setting.name}={raw!r} is not a "
                f"{SETTING_TYPES[setting.type]}{reason}"
            ) from None
        problem = setting.check(values[setting.name]) if setting.check else ""
        if problem:
            raise setting_error(config, analyzer, f"{analyzer}: setting {setting.name}={raw!r}: {problem}")
    return values


class SettingsError(UsageError, ValueError):
    """A setting that cannot be used: the run stops before any article (exit 2)."""


def setting_error(config: Mapping[str, Any], analyzer: str, message: str) -> SettingsError:
    """A SettingsError that says where the analyzer's settings were given (``framing.toml``,
    ``--set``), for a plugin's own checks too (a value out of range)."""
    where = config.get("settings_origin", {}).get(analyzer)
    return SettingsError(f"{where}: {message}" if where else message)


def check_analyzers(config: Mapping[str, Any], analyzers: Iterable[str],
                    disabled: Iterable[str] = ()) -> None:
    """Refuse settings of an analyzer that does not exist (a typo would otherwise be ignored);
    settings of a plugin disabled for this run are left alone."""
    unknown = sorted(set(config.get("settings", {})) - set(analyzers) - set(disabled))
    if unknown:
        name = unknown[0]
        raise setting_error(config, name, f"settings of {name!r}, but there is no analyzer of that "
                            f"name; analyzers: {', '.join(sorted(analyzers)) or 'none'}")


def setting_problems(declared: object) -> list[str]:
    """What is wrong with a plugin's ``settings`` declaration (for ``framing plugins --check``)."""
    if not isinstance(declared, (tuple, list)):
        return ["settings must be a tuple of framing.config.Setting"]
    problems = []
    for setting in declared:
        if not isinstance(setting, Setting):
            problems.append(f"settings entry {setting!r} is not a framing.config.Setting")
        elif setting.type not in CONVERTERS:
            problems.append(f"setting {setting.name!r} has unsupported type {setting.type!r}")
        elif not setting.description:
            problems.append(f"setting {setting.name!r} needs a description")
    return problems


def _as_text(value: Any, where: str) -> str:
    """A TOML value as the string ``--set`` would give: lists join with commas."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value) or (
            isinstance(value, list) and any(isinstance(v, float) and not math.isfinite(v)
                                            for v in value)):
        raise UsageError(f"{where}: {value!r} is not a finite number")
    if isinstance(value, (int, float, str)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, (int, float, str)) for v in value):
        return ",".join(str(v) for v in value)
    raise UsageError(f"{where}: expected a number, text, true/false or a list, not {value!r}")


def file_settings(directory: Path) -> tuple[Path | None, dict[str, dict[str, str]]]:
    """Settings from ``framing.toml``, else from ``[tool.framing]`` in ``pyproject.toml``."""
    path = directory / CONFIG_FILE
    if path.is_file():
        table = _read_toml(path)
    else:
        path = directory / "pyproject.toml"
        if not path.is_file():
            return None, {}
        table = _read_toml(path).get("tool", {}).get("framing")
        if table is None:
            return None, {}
    unknown = sorted(set(table) - {"settings"})
    if unknown:
        raise UsageError(
            f"{path}: unknown key {', '.join(unknown)}; put settings under [settings.ANALYZER]"
        )
    settings: dict[str, dict[str, str]] = {}
    for analyzer, values in table.get("settings", {}).items():
        if not isinstance(values, dict):
            raise UsageError(f"{path}: settings.{analyzer} must be a table of KEY = VALUE")
        settings[analyzer] = {
            key: _as_text(value, f"{path}: settings.{analyzer}.{key}")
            for key, value in values.items()
        }
    return path, settings


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot read ({error})") from None
    except RecursionError:
        raise UsageError(f"{path}: cannot read (nested too deeply)") from None


def merge_settings(
    base: Mapping[str, Mapping[str, str]], override: Mapping[str, Mapping[str, str]]
) -> dict[str, dict[str, str]]:
    """``override`` (the command line) wins key by key over ``base`` (the file)."""
    merged = {analyzer: dict(values) for analyzer, values in base.items()}
    for analyzer, values in override.items():
        merged.setdefault(analyzer, {}).update(values)
    return merged
