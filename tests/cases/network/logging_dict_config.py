# network family: logging.config.dictConfig with configuration from elsewhere (KR518).
import json
import logging.config
from logging.config import dictConfig as configure

logging.config.dictConfig(json.load(open("log.json")))  # expect: KR518
configure(settings)  # expect: KR518
logging.config.dictConfig({"version": 1})
configure(config={"version": 1, "disable_existing_loggers": False})
logging.basicConfig()

LOGGING = {"version": 1, "handlers": {}}
logging.config.dictConfig(LOGGING)


def setup(overrides):
    config = dict(overrides)
    logging.config.dictConfig(config)  # expect: KR518
    merged = {"version": 1}
    merged = overrides  # bound twice: krait cannot tell which
    logging.config.dictConfig(merged)  # expect: KR518
