# egress family: remote-service clients (KR1001-KR1005), through aliases.
import requests as r
import http.client
import socket
import smtplib
import boto3
import sentry_sdk
import grpc
import urllib3
import websockets
from urllib.request import urlopen as fetch
from socket import create_connection
from google.cloud import storage
from azure.storage.blob import BlobServiceClient
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
import httpx
import aiohttp
import pycurl
import posthog
import mixpanel as mp


def web(url, payload):
    r.get(url, timeout=5)  # expect: KR1001
    r.Session().post(url, data=payload, timeout=5)  # expect: KR1001
    fetch(url)  # expect: KR1001, KR511
    http.client.HTTPSConnection(url)  # expect: KR1001
    urllib3.PoolManager().request("GET", url)  # expect: KR1001
    curl = pycurl.Curl()
    curl.perform()  # expect: KR1001
    with httpx.Client() as client:
        client.post(url)  # expect: KR1001


async def async_http(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:  # expect: KR1001
            return await response.text()


def sockets(host):
    create_connection((host, 443))  # expect: KR1002
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, 80))  # expect: KR1002
    s.sendto(b"x", (host, 53))  # expect: KR1002


def protocols(host):
    smtplib.SMTP_SSL(host)  # expect: KR1003
    grpc.insecure_channel(host)  # expect: KR1003
    websockets.connect(host)  # expect: KR1003


def cloud():
    boto3.client("s3")  # expect: KR1004
    boto3.Session().resource("dynamodb")  # expect: KR1004
    storage.Client()  # expect: KR1004
    BlobServiceClient.from_connection_string(conn)  # expect: KR1004


def telemetry(dsn):
    sentry_sdk.init(dsn=dsn)  # expect: KR1005
    posthog.capture("user", "event")  # expect: KR1005
    mp.Mixpanel(dsn)  # expect: KR1005
    OTLPSpanExporter()  # expect: KR1005


conn = None
