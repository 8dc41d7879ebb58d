"""The plugin manager: load plugins one by one, collect what they register, report what broke."""

from __future__ import annotations

import importlib
import importlib.metadata
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import pluggy

from framing import hookspecs
from framing.config import SettingsError, check_analyzers
from framing.errors import PluginError, UsageError
from framing.model import Analyzer, Article, Document, Span
from framing.nlp.lexicon import Lexicon
from framing.plugin_api import api_version_problem
from framing.text import reader

ENTRY_POINT_GROUP = "framing"
DISABLE_AUTOLOAD_ENV = "FRAMING_DISABLE_PLUGIN_AUTOLOAD"
HOST_DISTRIBUTION = "framing"


@dataclass(frozen=True)
class PluginInfo:
    """Where a loaded plugin came from, for ``framing plugins``."""

    name: str
    version: str
    origin: str


T = TypeVar("T")


class PluginManager:
    """Typed access to the hooks; the rest of the host never calls ``pm.hook`` directly."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
        self.pm.add_hookspecs(hookspecs)
        self.pm.register(reader, name="framing.text.reader")
        self.info: dict[str, PluginInfo] = {}
        self.load_errors: list[str] = []
        self.disabled: set[str] = set()

    def load(
        self,
        extra: Iterable[str] = (),
        disabled: Iterable[str] = (),
        autoload: bool | None = None,
    ) -> None:
        """Load entry-point plugins, then ``-p`` modules, skipping disabled names.

        A plugin that fails to import is recorded in ``load_errors`` and the others still load.
        With autoload off (``FRAMING_DISABLE_PLUGIN_AUTOLOAD=1``) only framing's own built-ins load.
        """
        if autoload is None:
            autoload = os.environ.get(DISABLE_AUTOLOAD_ENV, "").strip() in ("", "0", "false")
        blocked = set(disabled)
        self.disabled |= blocked
        # Name and version of each distribution, read once: ``dist.metadata`` parses the METADATA
        # file on every access (twice per entry point, 13 built-ins: about 15 ms per run).
        described: dict[importlib.metadata.Distribution, tuple[str, str]] = {}
        for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            dist = entry_point.dist
            if dist is not None and dist not in described:
                metadata = dist.metadata
                described[dist] = (metadata["Name"], metadata["Version"])
            dist_name, version = described[dist] if dist is not None else ("?", "?")
            if entry_point.name in blocked or (not autoload and dist_name != HOST_DISTRIBUTION):
                continue
            if self.pm.has_plugin(entry_point.name):
                continue
            origin = "built-in" if dist_name == HOST_DISTRIBUTION else f"package {dist_name}"
            self._register(entry_point.name, entry_point.load, version, origin)
        for module_name in extra:
            if module_name in blocked:
                continue
            self._register(module_name, partial(importlib.import_module, module_name), "-", "-p")

    def _register(self, name: str, load: Callable[[], Any], version: str, origin: str) -> None:
        try:
            plugin = load()
            refused = api_version_problem(plugin)
            if refused:
                self.load_errors.append(f"plugin {name!r} ({origin}) refused: {refused}")
                return
            self.pm.register(plugin, name=name)
        except Exception as error:  # a broken plugin must not take down the others
            self.load_errors.append(f"plugin {name!r} ({origin}) failed to load: {one_line(error)}")
            return
        self.info[name] = PluginInfo(name, version, origin)

    def register_module(self, plugin: ModuleType | object, name: str) -> None:
        """Register an already imported plugin object (tests, embedding)."""
        self.pm.register(plugin, name=name)
        self.info[name] = PluginInfo(name, "-", "registered")

    def _collect(self, hook_name: str, kind: str, **kwargs: Any) -> dict[str, tuple[str, Any]]:
        """Call a register-style hook per plugin; stamp objects with their plugin; refuse duplicates."""
        found: dict[str, tuple[str, Any]] = {}
        for impl in getattr(self.pm.hook, hook_name).get_hookimpls():
            plugin_name = impl.plugin_name

            def register(obj: Any, plugin_name: str = plugin_name) -> None:
                name = getattr(obj, "name", None)
                if not isinstance(name, str) or not name:
                    raise PluginError(f"plugin {plugin_name!r} registered a {kind} without a name")
                if name in found:
                    raise PluginError(
                        f"{kind} {name!r} is registered by both plugin {found[name][0]!r} "
                        f"and plugin {plugin_name!r}; disable one with --disable"
                    )
                found[name] = (plugin_name, obj)

            try:
                impl.function(register, **{k: v for k, v in kwargs.items() if k in impl.argnames})
            except (PluginError, UsageError):  # a broken plugin, or a file the user named: stop here
                raise
            except ValueError as error:  # a plugin refusing the settings the user gave it: stop too
                where = kwargs.get("config", {}).get("settings_origin", {}).get(plugin_name)
                if where is None:
                    self.load_errors.append(f"plugin {plugin_name!r} failed to register: {one_line(error)}")
                    continue
                raise SettingsError(f"{where}: {' '.join(str(error).split())}") from None
            except Exception as error:
                self.load_errors.append(f"plugin {plugin_name!r} failed to register: {one_line(error)}")
        return found

    def analyzers(self, config: dict[str, Any]) -> dict[str, tuple[str, Analyzer]]:
        """Every registered analyzer by name, with the plugin that registered it.

        The analyzers' ``config`` also holds every registered lexicon pack as ``lexicon_packs`` and, when
        a plugin implements ``framing_find_entities``, the entity recogniser as ``find_entities``.
        """
        config = {**config, "lexicon_packs": self.lexicons()}
        config["find_entities"] = self.entity_recogniser(config)
        found = self._collect("framing_register_analyzers", "analyzer", config=config)
        check_analyzers(config, found, self.disabled)
        for name, (plugin_name, analyzer) in found.items():
            if not isinstance(analyzer, Analyzer):
                raise PluginError(
                    f"plugin {plugin_name!r}: analyzer {name!r} lacks name/version/metrics/analyze"
                )
        return found

    def entity_recogniser(self, config: dict[str, Any]) -> Callable[[Document], list[Span] | None] | None:
        """A function giving one document's name candidates through ``framing_find_entities``, or None
        when no plugin implements the hook (discovery then uses its built-in rules)."""
        if not self.pm.hook.framing_find_entities.get_hookimpls():
            return None
        return partial(_find_entities, self.pm.hook.framing_find_entities, config)

    def lexicons(self) -> dict[str, Lexicon]:
        """Every lexicon pack plugins register (built-in packs included), by pack name."""
        found = self._collect("framing_register_lexicons", "lexicon")
        return {name: lexicon for name, (_plugin, lexicon) in found.items()}

    def exporters(self) -> dict[str, tuple[str, Any]]:
        """Every registered output format by name."""
        return self._collect("framing_register_exporters", "exporter")

    def read_article(self, path: Path, config: dict[str, Any]) -> Article:
        """Read one input through the reader hooks (plugins first, the built-in reader last)."""
        article = self.pm.hook.framing_read_article(path=path, config=config)
        if article is None:
            raise PluginError(f"{path}: no reader accepts this file")
        return article

    def register_commands(self, app: Any) -> None:
        """Let plugins add subcommands."""
        self.pm.hook.framing_register_commands(app=app)


def _find_entities(hook: Any, config: dict[str, Any], document: Document) -> list[Span] | None:
    return hook(document=document, config=config)  # type: ignore[no-any-return]


def one_line(error: BaseException) -> str:
    """An exception as one line for the terminal: its type, then its message with whitespace folded."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def load_manager(extra: Iterable[str] = (), disabled: Iterable[str] = ()) -> PluginManager:
    """A manager with every available plugin loaded."""
    manager = PluginManager()
    manager.load(extra=extra, disabled=disabled)
    return manager
