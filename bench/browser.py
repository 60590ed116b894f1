"""One simulated browser for the benchmarks: a kept-open HTTP connection, cookies kept by hand.

SLIM's cookies are Secure; the benchmarks speak plain HTTP on loopback. Straight to gunicorn they
send X-Forwarded-Proto like the nginx example (`forwarded=True`); through nginx, nginx sets it.
"""

import http.client
from http.cookies import SimpleCookie
from urllib.parse import urlencode


class Session:
    def __init__(self, port, forwarded=True, timeout=120):
        self.port = port
        self.forwarded = forwarded
        self.timeout = timeout
        self.cookies = {}
        self.conn = None

    def request(self, method, path, fields=None):
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.forwarded:
            headers["X-Forwarded-Proto"] = "https"
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.getheader("Location", ""), content

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields)
