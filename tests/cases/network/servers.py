# network family: development servers and logging configuration.
import http.server
import logging.config
from http.server import BaseHTTPRequestHandler, HTTPServer


class Handler(BaseHTTPRequestHandler):  # expect: KR519
    def do_GET(self):
        self.send_response(200)


class Plain:
    pass


def serve(path):
    HTTPServer(("127.0.0.1", 8000), Handler)  # expect: KR519
    http.server.ThreadingHTTPServer(("127.0.0.1", 8001), http.server.SimpleHTTPRequestHandler)  # expect: KR519
    logging.config.fileConfig(path)  # expect: KR518
    logging.config.dictConfig({"version": 1})
