# B311: the random module where security may depend on it.
import random
import secrets
import string
from random import choice as pick


def positives(items):
    random.random()  # expect: KR411
    random.randint(0, 9)  # expect: KR411
    random.randrange(10)  # expect: KR411
    random.uniform(0, 1)  # expect: KR411
    random.choice(items)  # expect: KR411
    random.sample(items, 2)  # expect: KR411
    random.getrandbits(64)  # expect: KR411
    random.randbytes(16)  # expect: KR411
    random.seed(1)  # expect: KR411
    rng = random.Random(42)  # expect: KR411
    "".join(random.choice(string.ascii_letters + string.digits) for _ in range(16))  # expect: KR411
    random.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=12)  # expect: KR411
    pick(items)  # expect: KR411
    return rng


def negatives(items, dice):
    secrets.choice(items)
    secrets.token_urlsafe(16)
    random.SystemRandom().choice(items)
    dice.random()
    random.shuffle(items)


def shadowed(random, items):
    random.choice(items)


def jitter():
    return random.uniform(0.5, 1.5)  # krait: ignore[KR411]  # expect-suppressed: KR411
