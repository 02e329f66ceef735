"""Lists of strings as one byte array, for ``.npz`` files read without pickle."""

from __future__ import annotations

import numpy as np

SEP = "\x1f"  # the unit separator: in no title, name or term


def pack_strings(strings) -> np.ndarray:
    return np.frombuffer(SEP.join(strings).encode("utf-8"), dtype=np.uint8)


def unpack_strings(packed: np.ndarray) -> list[str]:
    text = packed.tobytes().decode("utf-8")
    return text.split(SEP) if text else []
