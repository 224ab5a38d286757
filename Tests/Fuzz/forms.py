#!/usr/bin/env python3
"""The browser interface's forms as an OpenAPI document, for schemathesis to fuzz (Tests/Fuzz/run.sh).

  python3 Tests/Fuzz/forms.py BASE EMAIL PASSWORD OUT.yaml [admin]   → prints the Cookie header of a signed-in session

Signs in as a person does, reads the form token a page carries, and writes every POST form of /app (and the
public pages) with its fields as free strings and the token as a constant: schemathesis then sends every
shape of form body, and the check is that none is a 5xx and every refusal is a page. Signing out and changing
the password are left out: they would end the run's own session. With `admin`, only the administrators' forms
(People, New strategy), for a run signed in as an administrator.
"""
import http.client, json, re, sys, urllib.parse

base, email, password, out = sys.argv[1:5]
admin_only = sys.argv[5:6] == ["admin"]
host = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)


def request(method, path, body=None, cookie=""):
    headers = {"Cookie": cookie}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response, response.read().decode()


response, page = request("GET", "/app/signin")
form_cookie = response.getheader("Set-Cookie").split(";")[0]
csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
response, _ = request("POST", "/app/signin", urllib.parse.urlencode({"csrf": csrf, "email": email, "password": password}), form_cookie)
session = [c for c in response.headers.get_all("Set-Cookie") if c.startswith("strategy_session=")][0].split(";")[0]
response, page = request("GET", "/app", cookie=session)
token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)

forms = {
    "/app/admin/strategies/new": ["title", "summary", "groupName[]"],
    "/app/signin": ["email", "password", "next"],
    "/app/settings": ["language", "timeZone"],
    "/app/invite/{token}": ["password", "repeatPassword"],
    "/app/setup/{token}": ["name", "email", "password", "repeatPassword"],
    "/app/strategies/{strategy}/sections/{section}/comments": ["revision", "start", "end", "passage", "occurrence", "kind", "body", "suggestion"],
    "/app/strategies/{strategy}/sections/{section}/edit": ["revision", "heading", "body", "message"],
    "/app/strategies/{strategy}/sections/{section}/amendments/new": ["action", "baseRevision", "heading", "body", "rationale"],
    "/app/strategies/{strategy}/sections/{section}/signoffs": ["revision", "decision", "note"],
    "/app/strategies/{strategy}/sections/{section}/suggestions": ["comments[]", "response"],
    "/app/strategies/{strategy}/comments/{comment}/replies": ["body"],
    "/app/strategies/{strategy}/comments/{comment}/disposition": ["disposition", "response", "applySuggestion"],
    "/app/strategies/{strategy}/amendments/{amendment}/accept": ["revision", "heading", "body"],
    "/app/strategies/{strategy}/amendments/{amendment}/reject": ["reason"],
    "/app/strategies/{strategy}/amendments/{amendment}/support": [],
    "/app/strategies/{strategy}/amendments/{amendment}/withdraw": [],
    "/app/strategies/{strategy}/drafts": ["title", "note"],
    "/app/strategies/{strategy}/drafts/{draft}/signoffs": ["decision", "note"],
    "/app/strategies/{strategy}/drafts/{draft}/adopt": [],
    "/app/strategies/{strategy}/phase": ["phase"],
    "/app/strategies/{strategy}/publication": [],
    "/app/strategies/{strategy}/publication/delete": [],
    "/app/strategies/{strategy}/members": ["person", "role", "group"],
    "/app/strategies/{strategy}/members/{account}": ["role", "group"],
    "/app/strategies/{strategy}/outline": ["heading", "body", "parent", "position"],
    "/app/strategies/{strategy}/outline/{section}/rename": ["revision", "heading"],
    "/app/strategies/{strategy}/outline/{section}/move": ["revision", "step"],
    "/app/strategies/{strategy}/outline/{section}/remove": ["revision"],
    "/app/settings/tokens": ["name"],
    "/app/language": ["language"],
    "/app/settings/tokens/{tokenID}/revoke": [],
    "/app/strategies/{strategy}/sections/{section}/translate": ["revision", "sourceRevision", "text[heading]", "text[u1]", "text[u2]", "confirm[u1]"],
    "/app/strategies/{strategy}/languages": ["language", "translations[]", "other", "requireTranslations"],
}
admin_forms = {
    "/app/admin/strategies/new": ["title", "summary", "groupName[]"],
    "/app/admin/people": ["name", "email", "admin"],
    "/app/admin/people/{account}/invitation": [],
    "/app/admin/people/{account}/invitation/withdraw": [],
    "/app/admin/people/{account}/deactivate": [],
    "/app/admin/people/{account}/reactivate": [],
}
# The one upload: multipart, with the file as bytes.
uploads = {"/app/import": {"mode": {"type": "string"}, "document": {"type": "string", "format": "binary"}},
           "/app/strategies/{strategy}/translations/{lang}/xliff": {"file": {"type": "string", "format": "binary"}}}
pages = ["/app", "/app/admin/strategies/new", "/app/strategies/{strategy}", "/app/strategies/{strategy}/board", "/app/strategies/{strategy}/sections/{section}", "/app/strategies/{strategy}/desk",
         "/app/strategies/{strategy}/drafts", "/app/strategies/{strategy}/activity", "/app/strategies/{strategy}/participation",
         "/app/strategies/{strategy}/sections/{section}/revisions/{revision}", "/app/strategies/{strategy}/drafts/compare",
         "/public/{slug}", "/app/strategies/{strategy}/members", "/app/strategies/{strategy}/outline", "/app/settings/tokens",
         "/app/import", "/app/language", "/app/strategies/{strategy}/sections/{section}/translate",
         "/app/strategies/{strategy}/translations/{lang}", "/app/strategies/{strategy}/languages"]
admin_pages = ["/app/admin/people", "/app/admin/strategies/new"]
if admin_only:
    forms, pages, uploads = admin_forms, admin_pages, {}
ids = {"strategy": [1], "section": [1, 2, 3], "comment": [1, 2], "amendment": [1, 2], "draft": [1, 2], "revision": [1, 2],
       "token": ["A" * 43], "slug": ["no-such-strategy"], "account": [1, 2, 3, 5, 9999], "tokenID": [1, 2, 9999],
       "lang": ["sq", "sr-Latn", "en", "xx", "not a tag"]}
responses = {"default": {"description": "a page, a redirect or a download; never a 5xx"}}


def parameters(path):
    return [{"name": name, "in": "path", "required": True, "schema": {"enum": ids[name]}}
            for name in re.findall(r"\{(\w+)\}", path)]


paths = {}
for path, fields in forms.items():
    properties = {"csrf": {"const": token}}
    properties.update({field: {"type": "string"} for field in fields})
    paths[path] = {"post": {
        "operationId": "form " + path, "parameters": parameters(path), "responses": responses,
        "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
            "schema": {"type": "object", "properties": properties, "required": ["csrf"]}}}},
    }}
for path, fields in uploads.items():
    properties = {"csrf": {"const": token}} | fields
    paths[path] = {"post": {
        "operationId": "upload " + path, "parameters": parameters(path), "responses": responses,
        "requestBody": {"required": True, "content": {"multipart/form-data": {
            "schema": {"type": "object", "properties": properties, "required": ["csrf"]}}}},
    }}
for path in pages:
    query = [{"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
             for name in ("since", "section", "group", "kind", "notice", "from", "to", "before", "moved", "step", "under", "language", "lang")]
    paths.setdefault(path, {})["get"] = {"operationId": "page " + path, "parameters": parameters(path) + query, "responses": responses}
document = {"openapi": "3.1.0", "info": {"title": "The browser interface's forms", "version": "1"}, "paths": paths}
open(out, "w").write(json.dumps(document, indent=1))
print(session)
