"""Background jobs: archives, shell commands, remote calls."""
import subprocess
import tarfile
from string.templatelib import Template

import requests


def unpack(archive: str, dest: str) -> None:
    with tarfile.open(archive) as tar:
        tar.extractall(dest)  # weakness: path traversal (no filter=)


def backup(target: str) -> int:
    cmd = f"tar czf /tmp/backup.tgz {target}"
    return subprocess.call(cmd, shell=True)  # weakness: shell injection


def notify(url: str, payload: dict) -> int:
    try:
        r = requests.post(url, json=payload, verify=False)  # weakness: no TLS check, no timeout
    except ConnectionError, TimeoutError:  # PEP 758 (Python 3.14)
        return -1
    return r.status_code


def run_rule(expr: str, item: dict) -> bool:
    return bool(eval(expr, {}, item))  # weakness: eval of user input


def describe(item: dict) -> Template:
    return t"{item['name']!r:>20} x{item.get("count", 0)}"


def handle(event: dict) -> str:
    match event:
        case {"kind": "restock", "sku": str(sku), "count": int(n)} if n > 0:
            return f"restock {sku} by {n}"
        case {"kind": "delete", **rest}:
            assert rest.get("admin"), "admins only"  # weakness: assert for access control
            return f"delete {rest=}"
        case [first, *others]:
            return f"batch of {len(others) + 1} starting with {first!s}"
        case _:
            return "ignored"
