# egress family: what is not a remote-service call.
import requests
import socket
import boto3
import httpx
from google.cloud import storage
from azure.storage.blob import BlobServiceClient


def not_egress(requests_session, data):
    requests.codes.ok  # an attribute, not a call
    requests.exceptions.HTTPError("boom")  # an exception class, not a request
    requests.Session()  # building a session sends nothing
    httpx.Client()  # neither does building a client
    socket.socket()  # a socket is made, not connected
    server = socket.socket()
    server.bind(("127.0.0.1", 8000))
    server.listen()
    boto3.set_stream_logger("boto3")
    storage.Bucket(None, "b")  # not a client: only *Client constructors count
    BlobServiceClient.get_account_information  # a reference, not a call
    requests_session.get("x")  # unknown object


def shadowed(requests, socket):
    requests.get("x")
    socket.create_connection(("h", 1))
