# egress family: names that are not credentials flowing.
import os


def negatives(value, lexer):
    home = os.environ["HOME"]  # not a listed name
    mine = os.getenv("MY_SERVICE_TOKEN")  # not in Code Audit's list: not reported
    os.environ["OPENAI_API_KEY"] = value  # a write, not a read: a binding  # expect: KR1007
    key = os.environ["OPENAI_API_KEY"]  # expect: KR1008
    OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]  # expect: KR1008
    api_key = None  # nothing flows
    my_api_key = value  # whole-name match: my_api_key is not api_key
    connect(timeout=value, host=value)  # not credential names
    connect(api_key=None)  # a constant: nothing computed flows
    token = lexer.get_token()  # a lexer's token (get_token is left out)
    auth = value  # expect: KR1007
    auth = auth.split()  # the same credential changing form
    password = "hunter2"  # expect: KR905
    size = len(password) + len(str(auth))  # builtins: local work
    connect(my_api_key)  # not a listed name
    return home, mine, key, OPENAI_API_KEY, api_key, my_api_key, token, auth, password, size


def connect(**kwargs):
    return kwargs
