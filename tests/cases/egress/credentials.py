# egress family: credentials flowing by name (KR1006-KR1008).
import os
from os import environ, getenv
import openai


def read():
    key = os.environ["OPENAI_API_KEY"]  # expect: KR1008
    token = os.environ.get("GITHUB_TOKEN")  # expect: KR1008
    secret = getenv("aws_secret_access_key")  # expect: KR1008
    other = environ["ANTHROPIC_API_KEY"]  # expect: KR1008
    vault = get_secret("db")  # expect: KR1008
    return key, token, secret, other, vault


def flow(value, user):
    client = openai.OpenAI(api_key=value)  # expect: KR1006
    client.login(user, password=user.pw)  # expect: KR1006
    OPENAI_API_KEY = value.strip()  # expect: KR1007
    self_like = user
    self_like.api_key = value  # expect: KR1007
    headers = {"Authorization": "Bearer " + value}  # expect: KR1007
    headers["X_API_KEY"] = value  # expect: KR1007
    username, password = user.split(":")  # expect: KR1007
    creds: str = value  # expect: KR1007
    client.login(username, password)  # expect: KR1006
    holder = password  # expect: KR1007
    return client, OPENAI_API_KEY, headers, username, password, creds, holder


def get_secret(name):
    return name
