"""The CLI's one way to print: every line sanitized, full disks and odd encodings reported in one line.

Article text, file names, manifest fields and error messages all reach the
terminal through ``echo``, so an escape sequence (OSC 52 clipboard writes,
screen clearing), a C1 control or a bidi override in any of them is removed
before it is printed (JSON is escaped by ``safe_json`` first and passes
unchanged). ``write_atomically`` replaces an output file only once the new
content is safely on disk.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from waqai.store.files import replace_file
from waqai.store.sanitize import sanitize


class OutputError(click.ClickException):
    """Standard output or an output file could not be written; exit code 2."""

    exit_code = 2


def printable(text: str) -> str:
    """``text`` safe for a terminal: controls removed, undecodable file-name bytes shown as ``\\xNN``."""
    if any("\udc80" <= c <= "\udcff" for c in text):
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "\r\n".join(sanitize(part, expand_tabs=False) for part in text.split("\r\n"))  # CSV line ends


def echo(text: str = "", err: bool = False, nl: bool = True, **style) -> None:
    """Print one sanitized message to standard output (or standard error), coloured by ``style`` if given."""
    text = printable(text)
    try:
        click.echo(click.style(text, **style) if style else text, err=err, nl=nl)
    except BrokenPipeError:
        raise
    except OSError as error:
        if err:
            raise
        raise stdout_failed(error) from None


def echo_bytes(data: bytes) -> None:
    """Write already-inert bytes (the SQL-built JSON) to standard output, a full disk reported in one line."""
    try:
        click.echo(data)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise stdout_failed(error) from None


def finish_stdout() -> None:
    """Flush standard output now, so a full disk or a closed pipe is reported instead of a traceback at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as error:
        raise stdout_failed(error) from None


def stdout_failed(error: OSError) -> OutputError:
    """The one-line error for a failed write to standard output, after pointing it at /dev/null."""
    _silence_stdout()
    return OutputError(f"cannot write to standard output: {error.strerror or error}")


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at /dev/null so the
    # unwritable bytes left in the buffer do not raise a second time.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    A full disk or a crash leaves the previous file as it was, never a
    truncated one (``store.files.replace_file``). Raises OutputError naming the file.
    """
    try:
        replace_file(path, text)
    except OSError as error:
        raise OutputError(f"cannot write {printable(str(path))}: {error.strerror or error}") from None
