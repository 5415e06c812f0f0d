# network family: aliases, shadowing and suppression.
import ssl as s
import telnetlib as tl  # expect: KR520
from ftplib import FTP as Plain  # expect: KR521
from ssl import _create_unverified_context as unverified
import requests


def aliased(host, url):
    tl.Telnet(host)  # expect: KR512
    Plain(host)  # expect: KR513
    unverified()  # expect: KR514
    ctx = s._create_unverified_context  # the reference alone is not a call
    ctx()  # expect: KR514
    go = requests.get
    go(url)  # expect: KR510
    s.wrap_socket(host)  # expect: KR504


def shadowed(requests, url, telnetlib):
    requests.get(url, verify=False)
    telnetlib.Telnet(url)


def suppressed(url):
    requests.get(url, verify=False, timeout=3)  # nosec B501  # expect-suppressed: KR501
    requests.get(url)  # noqa: S113  # expect-suppressed: KR510
