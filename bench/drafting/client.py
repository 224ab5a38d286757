"""A small HTTP/1.1 keep-alive client for the drafting benchmarks (standard library only)."""
import http.client
import json


class Client:
    def __init__(self, port, token):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.token = token

    def call(self, method, path, body=None, headers=None):
        all_headers = {"Authorization": "Bearer " + self.token}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        self.connection.request(method, path, body=data, headers=all_headers)
        response = self.connection.getresponse()
        payload = response.read()
        return response.status, payload, response

    def json(self, method, path, body=None, headers=None, expect=(200, 201)):
        status, payload, _ = self.call(method, path, body, headers)
        if status not in expect:
            raise RuntimeError(f"{method} {path} → {status}: {payload[:300]!r}")
        return json.loads(payload) if payload else None
