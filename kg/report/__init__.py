"""``kg report``: the events of a graph on a timeline, a map and a table, in one HTML page.

:mod:`kg.report.data` reads the graph into frozen rows (pure functions); :mod:`kg.report.render`
writes them into the Jinja2 template with the vendored JavaScript inline (``static/``).
"""
from kg.report.data import ReportData, report_rows
from kg.report.render import render_html

__all__ = ["ReportData", "render_html", "report_rows"]
