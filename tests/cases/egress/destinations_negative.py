# egress family: strings that look like destinations but are not.
import ipaddress
from setuptools import setup

__version__ = "1.2.3.4"
__url__ = "https://github.com/someone/project"
VERSION_TUPLE = "10.0.0.1"
SVG_NS = "http://www.w3.org/2000/svg"
SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
FEATURE = "http://xml.org/sax/features/namespaces"
DOC = "https://example.com/api"
LOCAL = "http://localhost:8000/"
LOOP = "http://127.0.0.1:5000/"
TEMPLATE = "http://%s:%d/"
FORMAT = "https://{host}/api"
EMPTY_HOST = "https://"
NETMASK = "255.255.255.0"
LOOPBACK = "127.0.0.1"
DOC_IP = "192.0.2.10"
NETWORK = "10.0.0.0/8"
LEADING_ZERO = "010.1.1.1"
TEXT = "see https://docs.evil-corp.io for details"
BYTES = b"https://bytes.evil-corp.io/"


def checks(url, host):
    """Docstring: https://api.evil-corp.io/ 45.33.32.156"""
    if url == "https://api.evil-corp.io/":
        pass
    if url.startswith("https://github.com/"):
        pass
    if host in ("10.1.1.1", "10.1.1.2"):
        pass
    ipaddress.ip_address("10.20.30.40")
    "https://api.evil-corp.io/"


setup(
    name="x",
    version="1.0.0.1",
    url="https://github.com/someone/project",
    project_urls={"Docs": "https://project.readthedocs.io/"},
)


def not_addresses(ObjectIdentifier, join):
    ObjectIdentifier("2.5.29.14")  # an object identifier
    join("Windows.Foundation", "1.0.0.0")  # ends in .0: a version or a network
    schema = {"$schema": "http://json-schema.org/draft-07/schema", "$id": "https://docs.evil-corp.io/s"}
    return schema
