# network family: logging.config.dictConfig with configuration from elsewhere (KR518).
import json
import logging.config
from logging.config import dictConfig as configure

logging.config.dictConfig(json.load(open("log.json")))  # expect: KR518
configure(settings)  # expect: KR518
logging.config.dictConfig({"version": 1})
configure(config={"version": 1, "disable_existing_loggers": False})
logging.basicConfig()
