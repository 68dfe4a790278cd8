"""Deterministic mode: `random` (the module's shared generator) and uuid.uuid4() draw from a
generator seeded with the workbook's seed and the request id (`init` during init), so the
same invocation draws the same numbers on every run and two invocations draw different ones
(DESIGN.md "Time"; the Node side does the same in runtime/node/random.mjs, with its own
generator: the sequences are not meant to match across languages). random.SystemRandom,
secrets and os.urandom stay truly random."""

import random
import uuid

_seed_text = "0"


def install(seed):
    global _seed_text
    _seed_text = str(seed)
    reseed("init")
    uuid.uuid4 = lambda: uuid.UUID(int=random.getrandbits(128), version=4)


def reseed(key):
    """Starts the sequence of `key` (a request id, or `init`). A str seed is hashed with
    SHA-512, so the sequence does not depend on PYTHONHASHSEED."""
    random.seed(_seed_text + ":" + key)
