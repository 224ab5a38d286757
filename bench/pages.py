"""What the page benchmarks share (bench/web, bench/desk): HTTP on kept-alive loopback connections, creating things
through the JSON API, random sentences, and signing a person in to the browser interface through an invitation
link (the session cookie the pages are fetched with)."""

import http.client
import json
import re
import urllib.parse

WORDS = ("children online safety parents schools platforms report harm education privacy consent age design "
         "industry government civil society support trust data protection awareness abuse helpline training").split()


class Client:
    def __init__(self, port, admin):
        self.port = port
        self.admin = admin
        self.api = self.connection()

    def connection(self):
        return http.client.HTTPConnection("127.0.0.1", self.port)

    def call(self, method, path, token=None, body=None, headers=None, conn=None):
        conn = conn or self.api
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        data = None
        if body is not None:
            data = json.dumps(body)
            all_headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=all_headers)
        response = conn.getresponse()
        return response.status, response.read(), response

    def create(self, path, body, token=None, expected=201, headers=None):
        status, payload, _ = self.call("POST", path, token or self.admin, body, headers)
        assert status == expected, (path, status, payload[:300])
        return json.loads(payload) if payload else None

    def sign_in(self, account_id):
        """The person's invitation link, a password chosen there, and the session cookie it sets."""
        invitation = self.create(f"/accounts/{account_id}/invitations", {})
        path = urllib.parse.urlparse(invitation["url"]).path
        browser = self.connection()
        status, page, response = self.call("GET", path, conn=browser)
        form_cookie = response.getheader("Set-Cookie").split(";")[0]
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.decode()).group(1)
        password = "benchmark passphrase of some length"
        form = urllib.parse.urlencode({"csrf": csrf, "password": password, "repeatPassword": password})
        browser.request("POST", path, body=form,
                        headers={"Cookie": form_cookie, "Content-Type": "application/x-www-form-urlencoded"})
        response = browser.getresponse()
        response.read()
        assert response.status == 303, response.status
        return [c for c in response.headers.get_all("Set-Cookie") if c.startswith("strategy_session=")][0].split(";")[0]


def sentence(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."
