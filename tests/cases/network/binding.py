# network family: binding to every interface.
import socket
from flask import Flask

app = Flask(__name__)
ANY = "0.0.0.0"  # expect: KR516
IPV6_ANY = "::"
LOCAL = "127.0.0.1"


def servers(port, host):
    s = socket.socket()
    s.bind(("0.0.0.0", port))  # expect: KR516
    s.bind(("", port))  # expect: KR516
    s.bind((IPV6_ANY, port))  # expect: KR516
    s.bind((LOCAL, port))
    app.run(host="0.0.0.0")  # expect: KR516
    app.run(host="::")  # expect: KR516
    app.run(host=LOCAL)
    if host == "0.0.0.0":
        print("listening everywhere")
    if host in ("0.0.0.0", "::"):
        pass
    return "::".join(["a", "b"])


def docs():
    """Binds to 0.0.0.0 unless told otherwise."""
    "0.0.0.0"


def addresses():
    import ipaddress
    return ipaddress.ip_address("0.0.0.0")


def standard_servers(handler, app):
    import socketserver
    from http.server import HTTPServer
    from xmlrpc.server import SimpleXMLRPCServer  # expect: KR811
    from wsgiref.simple_server import make_server
    SimpleXMLRPCServer(("", 8000))  # expect: KR516
    HTTPServer(("::", 8080), handler)  # expect: KR516, KR519
    socketserver.TCPServer(server_address=("", 9000), RequestHandlerClass=handler)  # expect: KR516
    socket.create_server(("", 9001))  # expect: KR516
    make_server("", 8000, app)  # expect: KR516
    SimpleXMLRPCServer(("localhost", 8000))
    HTTPServer((LOCAL, 8080), handler)  # expect: KR519
    make_server("127.0.0.1", 8000, app)
