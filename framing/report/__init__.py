"""The HTML report: the run's tables, charts and the articles with the analyzers' evidence lit up.

``render_report(result)`` returns one self-contained page (CSS, script and SVG charts inline); the
``html`` exporter and ``framing report`` both call it. See docs/report.md.
"""

from framing.report.page import render_report

__all__ = ["render_report"]
