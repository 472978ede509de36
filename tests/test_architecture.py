"""The core stays headless: extract and store never import Textual or Rich."""

from __future__ import annotations

import subprocess
import sys


def test_extract_and_store_do_not_import_presentation_libraries():
    code = (
        "import sys\n"
        "import waqai.extract.pipeline, waqai.extract.evaluate, waqai.store.ingest, waqai.store.queries, waqai.store.export\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
