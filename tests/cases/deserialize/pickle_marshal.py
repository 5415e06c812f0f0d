# deserialize family: pickle and friends, marshal, and their imports.
import marshal
import pickle  # expect: KR303
import pickletools
import shelve  # expect: KR303
import dill  # expect: KR303
import cPickle as cp  # expect: KR303
from pickle import loads as pl  # expect: KR303
import _pickle
import jsonpickle
import joblib
import pandas as pd


def positives(data, f, path):
    pickle.loads(data)  # expect: KR301
    pickle.load(f)  # expect: KR301
    pl(data)  # expect: KR301
    cp.load(f)  # expect: KR301
    _pickle.loads(data)  # expect: KR301
    pickle.Unpickler(f).load()  # expect: KR301
    dill.loads(data)  # expect: KR301
    shelve.open(path)  # expect: KR301
    jsonpickle.decode(data)  # expect: KR301
    pd.read_pickle(path)  # expect: KR301
    marshal.loads(data)  # expect: KR302
    marshal.load(f)  # expect: KR302
    joblib.load(path)  # expect: KR321
    loader = getattr(pickle, "loads")
    loader(data)  # expect: KR301


def negatives(data, cache, f):
    pickle.dumps(data)
    pickle.dump(data, f)
    marshal.dumps(data)
    pickletools.dis(data)
    cache.load(f)
    cache.loads(data)
    jsonpickle.encode(data)


def shadowed(pickle, data):
    pickle.loads(data)


def trusted_cache(f):
    return pickle.load(f)  # nosec B301  # expect-suppressed: KR301


def more_loaders(data, path):
    dill.load_session(path)  # expect: KR301
    jsonpickle.loads(data)  # expect: KR301
    shelve.Shelf({})  # expect: KR301
