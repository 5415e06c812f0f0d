# web family: a Django settings module (the file name matters for KR711).
import os

DEBUG = True  # expect: KR711
SECRET_KEY = "django-insecure-3k1!x@9s"  # expect: KR905
ALLOWED_HOSTS = ["localhost"]


def local_overrides():
    DEBUG = True
    return DEBUG


if os.environ.get("CI"):
    DEBUG = True
TEMPLATE_DEBUG = True
