# web family: aliases, shadowing and suppression.
import jinja2 as j
from markupsafe import Markup as M
from django.utils import safestring
from flask import Flask as F

application = F("demo")


def aliased(loader, html):
    j.Environment(loader=loader)  # expect: KR701
    M(html)  # expect: KR704
    safestring.mark_safe(html)  # expect: KR703
    application.run(debug=True)  # expect: KR710
    env_cls = j.Environment
    env_cls(autoescape=False)  # expect: KR701


def shadowed(Markup, mark_safe, html):
    Markup(html)
    mark_safe(html)


def suppressed(cur, name):
    cur.execute("SELECT * FROM t WHERE n = '%s'" % name)  # nosec B608  # expect-suppressed: KR720
