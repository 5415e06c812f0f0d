# web family: Django ORM escape hatches and CGI.
from django.db.models.expressions import RawSQL
from django.db import models
from wsgiref.handlers import CGIHandler  # expect: KR730
import wsgiref.handlers

ORDER = "name"


def extra(qs, user_sql, col):
    qs.extra(where=[user_sql])  # expect: KR721
    qs.extra(select={"x": "SELECT " + col})  # expect: KR721
    qs.extra(order_by=col)  # expect: KR721
    qs.extra(where=["id = %s"], params=[col])
    qs.extra(select={"n": "SELECT 1"}, order_by=[ORDER])


def raw(qs, sql, uid):
    qs.annotate(v=RawSQL(sql, ()))  # expect: KR722
    qs.annotate(v=models.RawSQL("SELECT x FROM t WHERE id = %s", (uid,)))


def cgi(app):
    wsgiref.handlers.CGIHandler().run(app)  # expect: KR730
    CGIHandler().run(app)
