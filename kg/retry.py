"""Retries for kg's HTTP clients (remote stores, the Wikidata API): urllib3's ``Retry`` mounted
on a requests session, so each request is retried inside requests, with backoff, honouring a
server's ``Retry-After`` up to a cap."""
from __future__ import annotations

import time
from collections.abc import Callable, Collection

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import InvalidHeader
from urllib3.util.retry import Retry


class Backoff(Retry):
    """urllib3's Retry with kg's schedule: ``backoff_factor * 2**n`` from the first retry on
    (urllib3 makes its first retry at once), and waits through ``pause`` (tests give their own)."""

    pause: Callable[[float], None] = staticmethod(time.sleep)

    def get_backoff_time(self) -> float:
        n = len(self.history)  # requests follows redirects itself: every entry is a failure
        return 0.0 if n == 0 else float(min(self.backoff_max, self.backoff_factor * 2 ** (n - 1)))

    def sleep(self, response=None) -> None:
        wait = None
        if self.respect_retry_after_header and response is not None:
            try:
                wait = self.get_retry_after(response)
            except InvalidHeader:  # a Retry-After that is neither seconds nor a date
                wait = None
        wait = self.get_backoff_time() if wait is None else wait
        if wait > 0:
            self.pause(wait)

    @property
    def attempts(self) -> int:
        """Requests made so far under this policy (the first and each retry)."""
        return len(self.history) + 1


def retry_policy(retries: int, backoff: float, statuses: Collection[int], max_wait: float = 60.0,
                 pause: Callable[[float], None] | None = None) -> Backoff:
    """Up to ``retries`` retries of any request (PUT and POST too: kg only sends requests that
    may be repeated) after a dropped connection, a timeout or one of ``statuses``. Other errors
    (a TLS failure) are not retried; a caller that retries failures of its own (an answer it
    cannot use) counts them with ``policy.new(other=retries)``."""
    cls = Backoff if pause is None else type("Backoff", (Backoff,), {"pause": staticmethod(pause)})
    retries = max(0, retries)
    return cls(total=retries, connect=retries, read=retries, status=retries, other=0,
               status_forcelist=frozenset(statuses), allowed_methods=None, backoff_factor=backoff,
               backoff_max=max_wait, retry_after_max=max_wait, respect_retry_after_header=True,
               raise_on_status=False)


def retrying_session(policy: Retry, session: requests.Session | None = None) -> requests.Session:
    """``session`` (or a new one) with ``policy`` mounted for http and https."""
    session = session or requests.Session()
    adapter = HTTPAdapter(max_retries=policy)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def attempts_of(response: requests.Response) -> int:
    """How many requests it took to get ``response`` (1 when it was not retried)."""
    retries = getattr(response.raw, "retries", None)
    return len(retries.history) + 1 if retries is not None else 1
