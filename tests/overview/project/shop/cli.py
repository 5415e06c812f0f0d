#!/usr/bin/env python3
# Command line of the shop.
import argparse, os.path
import sys

import requests
import yaml
from PIL import Image

from shop import models


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("config")
    args = parser.parse_args(argv)
    with open(args.config) as f:
        config = yaml.safe_load(f)
    pattern = "\d+"  # an invalid escape sequence: CPython warns
    for url in config.get("urls", []):
        while True:
            r = requests.get(url, timeout=5)
            if r.ok or not config.get("retry"):
                break
    def helper(x):
        return x if x else None
    return helper(pattern) or sys.exit(0)


if __name__ == "__main__":
    try:
        import ujson as json
    except ImportError:
        import json
    main()
