# The module tried first names an import with an ImportError fallback, as
# Python 2-era code writes it: both spellings are pickle.
try:
    import cPickle as pickle  # expect: KR303
except ImportError:
    import pickle  # expect: KR303


def load(blob):
    return pickle.loads(blob)  # expect: KR301


try:
    from yaml import CLoader as Loader
except ImportError:
    from yaml import Loader
import yaml


def parse(text):
    return yaml.load(text, Loader=Loader)  # expect: KR306
