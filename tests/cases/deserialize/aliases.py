# Aliasing for the deserialization rules.
import yaml as y
import importlib

pk = importlib.import_module("pickle")  # expect: KR303


def load(data):
    y.load(data)  # expect: KR306
    pk.loads(data)  # expect: KR301
    __import__("marshal").loads(data)  # expect: KR302
    y.load(data, y.SafeLoader)
