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
