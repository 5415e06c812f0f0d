# egress family: destinations in strings (KR1009-KR1011).
import ipaddress
import socket

"""Module docstring: https://docs.evil.example.net/ and 10.9.8.7 are not reported."""

API = "https://api.evil-corp.io/v1/collect"  # expect: KR1010
CREDS = "https://admin:hunter2@db.evil-corp.io:8443/x"  # expect: KR1010
QUERY = "https://api.evil-corp.io/x?api_key=abc123&lang=en"  # expect: KR1010
FTP = "ftp://files.evil-corp.io/drop/"  # expect: KR1010
WS = "wss://stream.evil-corp.io/feed"  # expect: KR1010
V6 = "http://[2001:db8::1]:8080/"  # expect: KR1010
SLACK = "https://hooks.slack.com/services/T0000/B0000/XXXXXXXX"  # expect: KR1009
DISCORD = "https://discord.com/api/webhooks/123/abc"  # expect: KR1009
C2 = "45.33.32.156"  # expect: KR1011
C2_PORT = "45.33.32.156:4444"  # expect: KR1011


def send(token, path):
    tg = f"https://api.telegram.org/bot{token}/sendMessage"  # expect: KR1009
    url = f"https://collector.evil-corp.io/{path}"  # expect: KR1010
    full = "https://collector.evil-corp.io/" + path  # expect: KR1010
    s = socket.socket()
    s.connect(("203.0.113.5", 80))  # expect: KR1002
    s.connect(("185.199.108.153", 80))  # expect: KR1002, KR1011
    return tg, url, full
