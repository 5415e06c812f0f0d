# egress family: more clients, one per row kind (KR1001-KR1005).
import asyncio
import ftplib  # expect: KR521
import telnetlib  # expect: KR520
import xmlrpc.client  # expect: KR811
import urllib.request
import analytics
import botocore.session
import bugsnag
import datadog
import ddtrace
import httplib2
import newrelic.agent
import paramiko
import requests
import rollbar
import socket
import websocket
from aiohttp import request as aio_request
from tornado.httpclient import AsyncHTTPClient


async def more_http(url):
    urllib.request.urlretrieve(url, "/tmp/x")  # expect: KR1001, KR511, KR602
    urllib.request.build_opener().open(url)  # expect: KR1001
    requests.request("GET", url, timeout=3)  # expect: KR1001
    httplib2.Http().request(url)  # expect: KR1001
    await AsyncHTTPClient().fetch(url)  # expect: KR1001
    async with aio_request("GET", url) as response:  # expect: KR1001
        return response
    with socket.socket() as s:
        s.connect_ex((url, 1))  # expect: KR1002
    await asyncio.open_connection(url, 443)  # expect: KR1002


def more_protocols(host):
    ftplib.FTP(host)  # expect: KR1003, KR513
    ftplib.FTP_TLS(host)  # expect: KR1003
    telnetlib.Telnet(host)  # expect: KR1003, KR512
    xmlrpc.client.ServerProxy(host)  # expect: KR1003
    client = paramiko.SSHClient()
    client.connect(host)  # expect: KR1003
    websocket.create_connection(host)  # expect: KR1003
    botocore.session.get_session().create_client("s3")  # expect: KR1004


def more_telemetry(key):
    analytics.track("user", "event")  # expect: KR1005
    bugsnag.configure(api_key=key)  # expect: KR1005, KR1006
    datadog.initialize(api_key=key)  # expect: KR1005, KR1006
    datadog.api.Metric.send(metric="m", points=1)  # expect: KR1005
    ddtrace.patch_all()  # expect: KR1005
    rollbar.init(key)  # expect: KR1005
    newrelic.agent.initialize("newrelic.ini")  # expect: KR1005
