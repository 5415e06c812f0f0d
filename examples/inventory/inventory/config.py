"""Settings, loaded the wrong way."""
import os
import pickle

import yaml

DEBUG = True  # weakness: debug mode left on
SECRET_KEY = "s3cr3t-k3y-do-not-share"  # weakness: hard-coded secret
DB_PASSWORD = os.environ.get("DB_PASSWORD", "admin123")  # weakness: default password


def load_settings(path: str) -> dict:
    with open(path) as fh:
        return yaml.load(fh, Loader=yaml.Loader)  # weakness: unsafe YAML loader


def load_cache(path: str):
    with open(path, "rb") as fh:
        return pickle.load(fh)  # weakness: unpickling untrusted data


SETTINGS = {"debug": DEBUG, "workers": os.cpu_count() or 1}
