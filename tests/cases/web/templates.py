# web family: templates, markup, debug modes.
import jinja2
from jinja2 import Environment, select_autoescape
from mako.template import Template
from markupsafe import Markup, escape
from flask import Flask
import flask
from django.utils.safestring import mark_safe
from django.utils.html import format_html

app = Flask(__name__)
DEBUG_MODE = True


def jinja(loader, flag):
    jinja2.Environment(loader=loader)  # expect: KR701
    Environment(loader=loader, autoescape=False)  # expect: KR701
    Environment(autoescape=flag)  # expect: KR701
    Environment(autoescape=True)
    Environment(autoescape=select_autoescape(["html"]))
    jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape())


def mako(text):
    Template(text)  # expect: KR702
    Template(text, default_filters=["h"])


def markup(user_html, name):
    Markup(user_html)  # expect: KR704
    flask.Markup(f"<b>{name}</b>")  # expect: KR704
    Markup("<br>")
    Markup(escape(name))
    Markup("<b>{}</b>").format(name)


def django_safe(value):
    mark_safe(value)  # expect: KR703
    mark_safe("<br>" + value)  # expect: KR703
    mark_safe("<br>")
    mark_safe(format_html("<b>{}</b>", value))


@mark_safe  # expect: KR708
def render_badge(x):
    return "<span>" + x + "</span>"


def run(other):
    app.run(debug=True)  # expect: KR710
    app.run(debug=DEBUG_MODE)  # expect: KR710
    app.run(debug=False)
    app.run()
    other.run(debug=True)


def run_imported():
    from myproject.server import app as server_app
    import myproject
    server_app.run(debug=True)  # expect: KR710
    myproject.app.run(debug=True)  # expect: KR710
    myproject.make_app().run(debug=True)  # expect: KR710
    thread = myproject.worker
    thread.run(debug=True)


def werkzeug_dev(wsgi_app):
    from werkzeug.serving import run_simple
    run_simple("127.0.0.1", 5000, wsgi_app, use_debugger=True)  # expect: KR710
    run_simple("127.0.0.1", 5000, wsgi_app, use_reloader=True)


def debug_flags(settings):
    app.debug = True  # expect: KR710
    app.config["DEBUG"] = True  # expect: KR710
    app.config["DEBUG"] = False
    app.config["TESTING"] = True
    settings.debug = True
