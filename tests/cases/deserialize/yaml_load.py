# B506: yaml.load without a safe Loader.
import yaml
from yaml import CSafeLoader

try:
    from yaml import CSafeLoader as FastSafeLoader
except ImportError:
    from yaml import SafeLoader as FastSafeLoader


class MyLoader(yaml.SafeLoader):
    pass


def positives(data, loader):
    yaml.load(data)  # expect: KR306
    yaml.load(data, Loader=yaml.Loader)  # expect: KR306
    yaml.load(data, yaml.UnsafeLoader)  # expect: KR306
    yaml.load(data, Loader=loader)  # expect: KR306
    yaml.load(data, Loader=MyLoader)  # expect: KR306
    yaml.load(data, Loader=yaml.FullLoader)  # expect: KR306
    yaml.full_load(data)  # expect: KR306
    yaml.unsafe_load(data)  # expect: KR306
    yaml.load_all(data)  # expect: KR306
    yaml.load_all(data, Loader=yaml.CLoader)  # expect: KR306


def negatives(data, parser):
    yaml.load(data, Loader=yaml.SafeLoader)
    yaml.load(data, yaml.CSafeLoader)
    yaml.load(data, Loader=CSafeLoader)
    yaml.load(data, Loader=yaml.BaseLoader)
    yaml.load(data, Loader=FastSafeLoader)
    yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    yaml.load_all(data, Loader=yaml.SafeLoader)
    yaml.safe_load(data)
    yaml.safe_load_all(data)
    parser.load(data)


def ruamel_loaders(data):
    from ruamel.yaml import YAML

    YAML(typ="unsafe").load(data)  # expect: KR306
    YAML(typ="safe").load(data)
    YAML().load(data)
