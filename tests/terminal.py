"""Running the real ``waqai`` command on a pseudo-terminal, as a user's terminal receives it."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

WAQAI = [sys.executable, "-m", "waqai.tui.cli"]


def run_on_a_terminal(*args, columns: int = 100, cwd: Path | None = None, timeout: float = 60) -> tuple[int, bytes]:
    """Run waqai with stdin, stdout and stderr on a pty; its exit code and every byte the terminal received."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([*WAQAI, *map(str, args)], stdin=follower, stdout=follower, stderr=follower, cwd=cwd,
                               env={**os.environ, "NO_COLOR": "1", "COLUMNS": str(columns)})
    os.close(follower)
    received = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the command exited and closed its side
            break
        if not chunk:
            break
        received += chunk
    process.wait(timeout=timeout)
    os.close(leader)
    return process.returncode, received
