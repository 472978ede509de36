"""Replacing a file whole: the new content is on disk before the old file goes.

Exports, the user gazetteer and the fetch state are written through a
temporary file in the same folder, flushed to disk and renamed over the
target, so a full disk or a crash leaves the previous file as it was, never
a truncated one, and no temporary file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, line ends kept) to ``path`` atomically; OSError when it cannot.

    A file that existed keeps its permissions; a new one gets the usual ones
    (0666 less the umask), not mkstemp's private 0600.
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
