"""Authorization headers sent up front (basic or digest) so that a large body is sent once.

urllib's auth handlers only answer a 401 by re-sending the request; servers such as Virtuoso
answer 401 and close the connection before reading a large body, which the client sees as a
broken pipe. So the challenge is fetched with a bodiless HEAD and every request carries its
header from the start.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from email.message import Message


class Credentials:
    """A user and password, and the last challenge the server sent (scheme and parameters)."""

    def __init__(self, url: str, user: str, password: str) -> None:
        self.user, self.password = user, password
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user, password)
        self._digest = urllib.request.HTTPDigestAuthHandler(passwords)
        self._scheme: str | None = None
        self._challenge: dict[str, str] = {}

    @property
    def ready(self) -> bool:
        return self._scheme is not None

    def learn(self, headers: Message) -> bool:
        """Take the strongest scheme the server offers; False when it offers none we speak."""
        offers = headers.get_all("WWW-Authenticate") or []
        by_scheme = {o.split(" ", 1)[0].lower(): o.partition(" ")[2] for o in offers}
        if "digest" in by_scheme:
            items = urllib.request.parse_http_list(by_scheme["digest"])
            self._scheme, self._challenge = "digest", urllib.request.parse_keqv_list(items)
        elif "basic" in by_scheme:
            self._scheme, self._challenge = "basic", {}
        return self.ready

    def authorize(self, request: urllib.request.Request) -> None:
        """Add the Authorization header for this request (a digest depends on method and URL)."""
        if self._scheme == "basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            request.add_unredirected_header("Authorization", f"Basic {token}")
        elif self._scheme == "digest":
            value = self._digest.get_authorization(request, self._challenge)
            if value:
                request.add_unredirected_header("Authorization", f"Digest {value}")

    def probe(self, opener: urllib.request.OpenerDirector, url: str, timeout: float) -> None:
        """HEAD the URL to learn the challenge; basic is assumed when none comes."""
        try:
            with opener.open(urllib.request.Request(url, method="HEAD"), timeout=timeout):
                pass
        except urllib.error.HTTPError as err:
            if err.code == 401 and self.learn(err.headers):
                return
        self._scheme = "basic"
