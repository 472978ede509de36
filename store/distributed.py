"""Extraction on an existing Dask cluster, storing by the single local writer.

``waqai ingest --dask ADDRESS`` reads each article here (files, folders, dump
rows), skips texts already stored, and submits the pure extraction step to
the cluster. At most ``window`` articles are in flight; results come back in
input order, so merges are the same as in a local ingest. Workers need waqai
installed (the same version, with the same data files), but no access to the
articles: the text travels with the task and only the analysis comes back.

Needs the ``dask`` extra (``pip install 'waqai[dask]'``); ``distributed`` is
imported only when a cluster is used.
"""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import replace
from typing import Iterable, Iterator

from waqai.extract.pipeline import Analysis
from waqai.extract.reader import UnreadableArticle, read_article

from .errors import InputError, StoreError
from .ingest import Article, Prepared, Runner, prepare


def remote_analysis(article: Article) -> Analysis:
    """The task run on a worker: ``prepare`` an article whose text it carries, return the analysis."""
    analysis = prepare(article).analysis
    assert analysis is not None  # nothing is "known" on the worker
    return analysis


def _with_text(article: Article) -> tuple[Article, str]:
    """The article with its decoded text in hand, and the file's encoding."""
    if article.text is not None:
        return article, "utf-8"
    try:
        read = read_article(article.path)
    except UnreadableArticle as error:
        raise InputError(str(error)) from None
    return replace(article, text=read.text, title=read.title, published=article.published or read.published), read.encoding


def _connect(address: str, timeout: str):
    try:
        from distributed import Client
    except ImportError:
        raise StoreError("--dask needs the dask extra: pip install 'waqai[dask]'") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise StoreError(f"cannot reach the Dask scheduler at {address} ({error})") from None


def dask_runner(address: str, window: int | None = None, connect_timeout: str = "10s") -> Runner:
    """A ``runner`` for ``ingest``: extraction on the Dask scheduler at ``address``.

    ``window`` bounds the articles in flight (default: four per worker thread).
    """

    def run(articles: Iterable[Article], known: frozenset[str]) -> Iterator[Prepared]:
        client = _connect(address, connect_timeout)
        in_flight: deque = deque()
        try:
            threads = sum(client.nthreads().values()) or 1
            limit = window or 4 * threads
            for article in articles:
                shipped, encoding = _with_text(article)
                digest = hashlib.sha256(shipped.text.encode("utf-8")).hexdigest()
                # What the writer stores: the article as given (no text), with a page's own date.
                local = replace(article, published=shipped.published)
                future = None if digest in known else client.submit(remote_analysis, shipped, pure=False)
                in_flight.append((Prepared(local, shipped.text, encoding, digest, None), future))
                if len(in_flight) >= limit:
                    yield _result(*in_flight.popleft())
            while in_flight:
                yield _result(*in_flight.popleft())
        finally:
            for _, future in in_flight:
                if future is not None:
                    future.cancel()
            client.close()

    return run


def _result(item: Prepared, future) -> Prepared:
    if future is not None:
        item.analysis = future.result()
    return item
