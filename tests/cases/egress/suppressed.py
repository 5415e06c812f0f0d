# egress family: suppression comments and the per-rule IDs.
import requests

ENDPOINT = "https://telemetry.evil-corp.io/"  # nosec  # expect-suppressed: KR1010


def call():
    requests.post(ENDPOINT, timeout=5)  # krait: ignore[KR1001]  # expect-suppressed: KR1001
