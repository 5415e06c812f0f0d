# hygiene family: asserts and hard-coded passwords.
import requests


def checks(user, request, items, doc):
    assert items  # expect: KR901
    assert len(items) > 0, "empty"  # expect: KR901
    assert user.is_authenticated  # expect: KR901, KR902
    assert request.user.has_perm("app.delete")  # expect: KR901, KR902
    assert user.role == "admin"  # expect: KR901, KR902
    assert doc.owner == user  # expect: KR901, KR902
    assert user is not None  # expect: KR901


password = "hunter2"  # expect: KR905
db_password = "s3cr3t!"  # expect: KR905
API_TOKEN = "ghp_abc123"  # expect: KR905
SECRET_KEY = "x9!k2"  # expect: KR905
dbPassword = "p4ss"  # expect: KR905
config = {"password": "hunter2"}  # expect: KR905
token_type = "Bearer"
NextToken = "AAAA"
next_page_token = "xyz"
password_field = "pwd_input"
PASSWORD_MIN_LENGTH = "8"
PASSWORD_ENV = "DB_PASSWORD"
password_placeholder = "********"
empty_password = ""
masked_password = "***"
passport = "X123"
bypass = "abc"
compass = "north"
settings = {"token_url": "https://example.org/token"}


class Account:
    def __init__(self):
        self.password = "changeme"  # expect: KR905
        self.password_hint = "your pet's name"


def login(pwd, given):
    if pwd == "letmein":  # expect: KR905
        return True
    if given.password != "admin123":  # expect: KR905
        return False
    if given.token_type == "Bearer":
        return True
    return pwd == ""


def connect(host, password="root123"):  # expect: KR907
    return requests.post(host, auth=("u", password), timeout=5)


def connect2(host, *, token="t0k3n"):  # expect: KR907
    return host, token


def connect3(host, password=None, token_type="Bearer"):
    return host, password, token_type


def calls(db, host):
    db.connect(host, password="hunter2")  # expect: KR906
    db.connect(host, api_token="abc")  # expect: KR906
    db.connect(host, password="")
    db.connect(host, token_type="Bearer")
    db.connect(host, password=host)


def lexer(token, token_string, node):
    if token == "async":
        return 1
    if token_string == "$":
        return 2
    assert node.ownerDocument is not None  # expect: KR901
    return token == "@"


class Protocol:
    refresh_token_key = "refresh_token"
    token_re = r"[^\W\d]\w*"
    marker_token = " * [pruned] "
    emoji = {"secret": "\u3299"}
    admin_password = "password"  # expect: KR905


def endpoint(server):
    server.configure(default_token="Bearer")


def from_env():
    import os
    db_password = os.getenv("DB_PASSWORD", "hunter2")  # expect: KR905
    api_token = os.environ.get("API_TOKEN", default="t0k3n")  # expect: KR905
    secret = os.getenv("SECRET", "")
    user_password = os.getenv("USER_PASSWORD")
    return db_password, api_token, secret, user_password
