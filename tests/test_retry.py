"""kg.retry: urllib3's Retry with kg's schedule, on a real local HTTP server."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from urllib3.exceptions import MaxRetryError

from kg.retry import attempts_of, retry_policy, retrying_session


@pytest.fixture
def flaky():
    """Answers the statuses of ``script`` in turn (with their Retry-After), then 200."""
    script: list[tuple[int, str | None]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, after = script.pop(0) if script else (200, None)
            self.send_response(status)
            if after is not None:
                self.send_header("Retry-After", after)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", script
    httpd.shutdown()
    httpd.server_close()


def test_backoff_doubles_from_the_first_retry_and_retry_after_wins_up_to_the_cap(flaky):
    url, script = flaky
    script += [(503, None), (429, "7"), (503, "3600"), (500, "soon"), (502, None)]
    waits: list[float] = []
    session = retrying_session(retry_policy(5, 0.5, {429, 500, 502, 503}, max_wait=30, pause=waits.append))
    answer = session.get(url, timeout=5)
    assert answer.status_code == 200 and attempts_of(answer) == 6
    assert waits == [0.5, 7, 30, 4.0, 8.0]  # an unreadable Retry-After is a backoff


def test_statuses_outside_the_list_are_not_retried_and_the_last_answer_is_kept(flaky):
    url, script = flaky
    script += [(501, None), (503, None), (503, None), (503, None)]
    session = retrying_session(retry_policy(2, 0.0, {503}))
    first = session.get(url, timeout=5)
    assert first.status_code == 501 and attempts_of(first) == 1
    spent = session.get(url, timeout=5)
    assert spent.status_code == 503 and attempts_of(spent) == 3 and script == []


def test_other_errors_are_not_retried_unless_the_caller_counts_them():
    policy = retry_policy(3, 0.0, {503})
    with pytest.raises(MaxRetryError):
        policy.increment("GET", "http://x/", error=ValueError("TLS"))
    counted = policy.new(other=3).increment("GET", "http://x/", error=ValueError("unusable"))
    assert counted.attempts == 2
