"""The ``framing`` command line: a thin layer over the library, one module per command."""

from __future__ import annotations

import gc
import os
import signal
import sys
import warnings

import typer

from framing import __version__
from framing.cli import codebook, compare, explain, new_plugin, plugins_command, stories
from framing.cli import report as report_command
from framing.cli.options import echo, echo_error
from framing.errors import FramingError

EPILOG = (
    "Examples:  framing compare a.txt b.txt  |  framing compare outlet_a/ outlet_b/ -o scores.csv  |  "
    "framing analyze a.txt --show-clean  |  framing metrics --format markdown.  "
    "Exit codes: 0 ok, 1 partial (an input or analyzer failed; the rest stands), 2 bad usage or input."
)

app = typer.Typer(
    name="framing",
    help="Compare how news articles frame the same story.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Compare how news articles frame the same story."""


app.command("compare", epilog=EPILOG)(compare.compare)
app.command("analyze", epilog=EPILOG)(compare.analyze)
app.command("plugins")(plugins_command.plugins)
app.command("new-plugin")(new_plugin.new_plugin)
app.command("metrics")(codebook.metrics)
app.command("explain")(explain.explain)
app.command("report", epilog=EPILOG)(report_command.report)
app.command("stories")(stories.stories)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM stops a run like Ctrl-C: finished work is written whole, partial files removed."""
    raise KeyboardInterrupt


def _one_line_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                      file: object = None, line: str | None = None) -> None:
    """A library's warning as one ``warning:`` line, once per message (never its source line)."""
    text = " ".join(str(message).split())
    if text not in _WARNED:
        _WARNED.add(text)
        echo(f"warning: {text}")


_WARNED: set[str] = set()

# The collector's thresholds for a run (Python's default is 700, 10, 10). Analysing an article makes
# and drops hundreds of thousands of small containers, almost none of them in reference cycles, and
# each 700 of them started a scan of the young objects: about an eighth of a run's CPU spent finding
# nothing. Cycles are still collected, only less often (docs/scale.md, "The garbage collector").
# Set by the command line only: a program that imports framing keeps its own setting.
RUN_GC_THRESHOLDS = (50_000, 20, 100)


def main() -> None:
    """Console-script entry point: every expected error becomes one line on stderr and exit 2."""
    # The collector would scan the imported modules, plugins and analyzers again and again during a
    # run, and everything again at exit, though all of it lives until the process ends (about a
    # tenth of a two-article compare). Frozen objects are left out; new garbage is still collected.
    gc.freeze()
    gc.set_threshold(*RUN_GC_THRESHOLDS)
    warnings.showwarning = _one_line_warning
    try:
        _main()
    finally:
        gc.freeze()  # the process is ending: nothing to collect on the way out


def _main() -> None:
    from framing.host.manager import load_manager

    signal.signal(signal.SIGTERM, _terminate)

    generic = {command.name for command in app.registered_commands}
    if len(sys.argv) < 2 or sys.argv[1] not in generic:  # a generic command needs no plugin commands
        try:
            load_manager().register_commands(app)
        except Exception as error:  # a broken plugin command must not break the built-in ones
            echo(f"warning: a plugin failed to add its commands: {error}")
    try:
        app()
    except FramingError as error:
        echo_error(str(error))
        sys.exit(2)
    except KeyboardInterrupt:
        echo("interrupted")
        sys.exit(130)
    except Exception as error:  # never show a user a traceback; FRAMING_DEBUG=1 shows it
        if os.environ.get("FRAMING_DEBUG"):
            raise
        echo_error(f"internal error ({type(error).__name__}: {error}); "
                   "rerun with FRAMING_DEBUG=1 and report it")
        sys.exit(2)
