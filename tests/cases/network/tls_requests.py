# network family: certificate checks, protocol versions, timeouts.
import ssl
import requests
import requests as rq
import httpx
from requests import get as fetch
from OpenSSL import SSL

TIMEOUT = 10
NO_VERIFY = False


def verify_off(url):
    requests.get(url, verify=False, timeout=5)  # expect: KR501
    rq.post(url, data={}, verify=False, timeout=5)  # expect: KR501
    fetch(url, verify=NO_VERIFY, timeout=TIMEOUT)  # expect: KR501
    httpx.get(url, verify=False)  # expect: KR501
    httpx.Client(verify=False)  # expect: KR501
    session = requests.Session()
    session.get(url, verify=False, timeout=3)  # expect: KR501


def verify_on(url, client, opts):
    requests.get(url, verify=True, timeout=5)
    requests.get(url, verify="/etc/ssl/ca.pem", timeout=5)
    requests.get(url, verify=None, timeout=5)
    client.get(url, verify=False)
    httpx.get(url)
    requests.get(url, **opts)


def timeouts(url):
    requests.get(url)  # expect: KR510
    rq.delete(url)  # expect: KR510
    fetch(url)  # expect: KR510
    requests.post(url, timeout=None)  # expect: KR510
    requests.request("GET", url)  # expect: KR510
    requests.Session().put(url)  # expect: KR510
    httpx.get(url, timeout=None)  # expect: KR510
    requests.get(url, timeout=TIMEOUT)
    requests.get(url, timeout=(3, 10))
    httpx.post(url)
    requests.Session()
    requests.codes.get(200)


def protocols(sock, host):
    ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)  # expect: KR502
    ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: KR502
    SSL.Context(SSL.SSLv3_METHOD)  # expect: KR502
    SSL.Context(method=SSL.TLSv1_1_METHOD)  # expect: KR502
    make_conn(host, ssl_version=ssl.PROTOCOL_SSLv2)  # expect: KR502
    ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    SSL.Context(SSL.TLS_METHOD)
    make_conn(host, ssl_version=ssl.PROTOCOL_TLS_CLIENT)


def make_conn(host, ssl_version=ssl.PROTOCOL_TLSv1):  # expect: KR503
    return host, ssl_version


def make_conn2(host, method=SSL.SSLv2_METHOD):  # expect: KR503
    return host, method


def make_conn3(host, ssl_version=ssl.PROTOCOL_TLS_CLIENT):
    return host, ssl_version


def wrapping(sock):
    ssl.wrap_socket(sock)  # expect: KR504
    ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLS_CLIENT)
    ssl.create_default_context().wrap_socket(sock, server_hostname="example.org")


def contexts():
    ssl._create_unverified_context()  # expect: KR514
    ctx = ssl._create_stdlib_context()  # expect: KR514
    ctx.verify_mode = ssl.CERT_NONE  # expect: KR515
    ctx.check_hostname = False  # expect: KR515
    good = ssl.create_default_context()
    good.verify_mode = ssl.CERT_REQUIRED
    good.check_hostname = True
    return ctx


def more_tls(url, other):
    s = requests.Session()
    s.verify = False  # expect: KR501
    s.verify = True
    other.verify = False
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1  # expect: KR502
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return s, ctx
