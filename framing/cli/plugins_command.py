"""``framing plugins``: what is loaded, from where, what each provides; ``--check`` audits it."""

from __future__ import annotations

import re
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from framing.cli import options
from framing.config import setting_problems
from framing.host.manager import PluginManager
from framing.model import Metric

METRIC_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
CheckOption = typer.Option(
    False, "--check", help="Validate every plugin (metrics, versions, hooks); exit 1 on a problem."
)


def plugins(
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
    check: bool = CheckOption,
) -> None:
    """List loaded plugins, their versions, origins and the analyzers/formats they provide."""
    manager = options.load(plugin, disable)
    if check:
        problems = check_plugins(manager)
        for problem in problems:
            options.echo_error(str(problem))
        typer.echo(f"{len(manager.info)} plugin(s) checked, {len(problems)} problem(s)")
        raise typer.Exit(1 if problems else 0)
    provided: dict[str, list[str]] = {}
    for name, (owner, analyzer) in manager.analyzers({}).items():
        metrics = ", ".join(m.name for m in analyzer.metrics)
        provided.setdefault(owner, []).append(f"analyzer {name} {analyzer.version}: {metrics}")
    for name, (owner, _exporter) in manager.exporters().items():
        provided.setdefault(owner, []).append(f"format {name}")
    table = Table("plugin", "version", "origin", "provides", title="Plugins")
    for info in manager.info.values():
        table.add_row(info.name, info.version, info.origin, "\n".join(provided.get(info.name, [])))
    Console(width=160).print(table)
    for message in manager.load_errors:
        options.echo_error(str(message))
    raise typer.Exit(1 if manager.load_errors else 0)


def check_plugins(manager: PluginManager) -> list[str]:
    """Every problem with the loaded plugins, one line each, naming the plugin.

    Load failures (including argument names a hook specification does not have, which pluggy
    refuses at registration, and an incompatible ``FRAMING_API``), hooks no specification knows (a
    misspelt hook is otherwise never called), and each analyzer's version, metrics and settings.
    """
    problems = list(manager.load_errors)
    for hook_name in sorted(vars(manager.pm.hook)):
        hook = getattr(manager.pm.hook, hook_name)
        if getattr(hook, "spec", True) is not None:
            continue
        for impl in hook.get_hookimpls():
            if not impl.optionalhook:
                problems.append(
                    f"plugin {impl.plugin_name!r}: {hook_name} is not a framing hook "
                    f"(known: {', '.join(_spec_names(manager))})"
                )
    try:
        analyzers = manager.analyzers({})
    except Exception as error:  # a duplicate name or a malformed analyzer stops registration
        return [*problems, str(error)]
    problems.extend(m for m in manager.load_errors if m not in problems)
    for name, (owner, analyzer) in analyzers.items():
        where = f"plugin {owner!r}: analyzer {name!r}"
        problems.extend(f"{where}: {problem}" for problem in analyzer_problems(analyzer))
    return problems


def _spec_names(manager: PluginManager) -> list[str]:
    return sorted(
        name for name in vars(manager.pm.hook) if getattr(manager.pm.hook, name).spec is not None
    )


def analyzer_problems(analyzer: Any) -> list[str]:
    """What is wrong with one analyzer's declarations: version, metrics, settings."""
    problems = []
    version = getattr(analyzer, "version", None)
    if not isinstance(version, str) or not version.strip():
        problems.append("needs a version (a non-empty string, e.g. '0.1')")
    metrics = getattr(analyzer, "metrics", None)
    if not isinstance(metrics, tuple) or not metrics:
        return [*problems, "metrics must be a non-empty tuple of framing.Metric"]
    seen: set[str] = set()
    for metric in metrics:
        if not isinstance(metric, Metric):
            problems.append(f"metric {metric!r} is not a framing.Metric")
            continue
        if not METRIC_NAME.match(metric.name):
            problems.append(f"metric name {metric.name!r} must be lower_snake_case")
        if metric.name in seen:
            problems.append(f"metric {metric.name!r} is declared twice")
        seen.add(metric.name)
        fields = ("label", "unit", "direction", "description")
        missing = [field for field in fields if not getattr(metric, field)]
        if missing:
            problems.append(f"metric {metric.name!r} has an empty {', '.join(missing)}")
    if hasattr(analyzer, "settings"):
        problems.extend(setting_problems(analyzer.settings))
    return problems
