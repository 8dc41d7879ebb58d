"""HTML output: the self-contained report page (``framing report``, or ``-o report.html``)."""

from __future__ import annotations

from typing import Any, TextIO

from framing import hookimpl
from framing.exporters import ExportOptions
from framing.model import RunResult


class HtmlExporter:
    name = "html"
    extensions = (".html", ".htm")
    description = "a self-contained HTML report: tables, charts and the articles with highlights"

    def export(self, result: RunResult, stream: TextIO, options: ExportOptions) -> None:
        from framing.report import render_report  # lazily: the report imports matplotlib

        stream.write(render_report(result, options.view))


@hookimpl
def framing_register_exporters(register: Any) -> None:
    register(HtmlExporter())
