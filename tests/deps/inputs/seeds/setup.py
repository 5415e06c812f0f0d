from setuptools import setup, find_packages
import sys

REQUIRES = [
    "Django>=3.2,<5",
    "celery[redis]==5.3.1",
]
BASE = ["attrs"]
EXTRAS = {
    "postgres": ["psycopg2-binary>=2.9"],
    "docs": """
        sphinx>=7
        # comment line
        furo
    """,
}
TESTS = ("pytest>=7", 'coverage ; python_version < "3.12"')
meta = dict(
    setup_requires=BASE + ["wheel"],
)

setup(
    name="bound",
    packages=find_packages(),
    install_requires=REQUIRES,
    extras_require=EXTRAS,
    tests_require=TESTS,
    **meta,
)

if sys.platform == "win32":
    REQUIRES.append("pywin32")
