import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

@testable import API

/// One route of the browser interface as a request that would succeed for a caller with the right: the session
/// cookie of the principal and the form token bound to it, the strategy whose phase allows the action, real ids
/// in the path and the fields of a valid form.
struct WebMatrixRequest {
    let row: AuthorizationMatrixTests.Row
    let fixture: AuthorizationFixture
    var strategy: Int64
    /// The amendment of the path: an industry member's unless a test names the caller's own.
    var amendment: Int64 = 1

    init(row: AuthorizationMatrixTests.Row, fixture: AuthorizationFixture) {
        self.row = row
        self.fixture = fixture
        strategy =
            row.path.hasSuffix("/adopt") ? fixture.finalReview : row.path.contains("/publication") ? fixture.adopted : fixture.consultation
    }

    static let password = "tall ships sail at dawn"

    var uri: String { uri(as: "") }

    /// The path with its placeholders filled in; `{tokenID}` is a token of the principal's own.
    func uri(as principal: String) -> String {
        var uri = row.path
        // The language menu signed out: a `GET` naming the language.
        if uri == "/app/language" && row.method == .get { return uri + "?language=sq" }
        if uri.hasPrefix("/app/admin/people/") {
            let account = uri.hasSuffix("/reactivate") ? fixture.former : fixture.newcomer
            uri = uri.replacingOccurrences(of: "{account}", with: "\(account)")
        }
        for (placeholder, value) in [
            ("{strategy}", "\(strategy)"), ("{section}", "\(fixture.sectionIDs[strategy]!)"), ("{amendment}", "\(amendment)"), ("{comment}", "1"),
            ("{draft}", "1"), ("{to}", "1"), ("{revision}", "1"), ("{slug}", fixture.slug),
            ("{tokenID}", "\(fixture.tokenIDs[principal] ?? 0)"), ("{token}", String(repeating: "A", count: 43)), ("{account}", "\(fixture.spare)"),
            ("{file}", WebMatrixRequest.stylesheet),
        ] {
            uri = uri.replacingOccurrences(of: placeholder, with: value)
        }
        uri = uri.replacingOccurrences(of: "{lang}", with: "sq")
        return uri.hasSuffix("/translate") ? uri + "?lang=sq" : uri
    }

    /// The stylesheet's name of this build (`app.<hash>.css`).
    static let stylesheet: String = (try? WebAssets.load().stylesheet.path.split(separator: "/").last.map(String.init)) ?? "app.css"

    /// The fields of a form the route accepts, by its path.
    var fields: [(String, String)] {
        let path = row.path
        switch true {
        case path == "/app/signin": return [("email", "member@matrix.example"), ("password", Self.password), ("next", "/app")]
        case path.hasPrefix("/app/invite/"), path.hasPrefix("/app/setup/"):
            return [
                ("name", "Ana"), ("email", "ana@matrix.example"), ("password", "a long new passphrase"), ("repeatPassword", "a long new passphrase"),
            ]
        case path == "/app/settings": return [("language", "en"), ("timeZone", "UTC")]
        case path == "/app/admin/strategies/new": return [("title", "A new strategy"), ("groupName[]", "Government")]
        case path == "/app/admin/people": return [("name", "Invitee"), ("email", "invitee@matrix.example")]
        case path == "/app/settings/tokens": return [("name", "A script")]
        case path == "/app/language": return [("language", "sq")]
        case path.hasSuffix("/members"): return [("person", "Newcomer"), ("role", "member"), ("group", "government")]
        case path.hasSuffix("/members/{account}"): return [("role", "member"), ("group", "civil-society")]
        case path.hasSuffix("/outline"): return [("heading", "A new section"), ("body", "Its text.")]
        case path.hasSuffix("/outline/{section}/rename"): return [("revision", "1"), ("heading", "Introduction, renamed")]
        case path.hasSuffix("/outline/{section}/move"): return [("revision", "1"), ("step", "down")]
        case path.hasSuffix("/outline/{section}/remove"): return [("revision", "1")]
        case path == "/app/settings/password":
            return [("currentPassword", Self.password), ("password", "a long new passphrase"), ("repeatPassword", "a long new passphrase")]
        case path.hasSuffix("/reject"): return [("reason", "Out of scope")]
        case path.hasSuffix("/disposition"): return [("disposition", "noted"), ("response", "Thank you")]
        case path.hasSuffix("/replies"): return [("body", "All of them.")]
        case path.hasSuffix("/drafts"): return [("title", "Second draft")]
        case path.hasSuffix("/drafts/{draft}/signoffs"): return [("decision", "approve")]
        // One step on (the only move there is), or to final review again, which changes nothing.
        case path.hasSuffix("/phase"): return [("phase", strategy == fixture.drafting ? "consultation" : "final-review")]
        case path.hasSuffix("/amendments/new"):
            return [
                ("action", "submit"), ("baseRevision", "1"), ("heading", "Introduction"), ("body", "Children go online young."),
                ("rationale", "Plainer"),
            ]
        case path.hasSuffix("/sections/{section}/comments"):
            return [("revision", "1"), ("start", "0"), ("end", "8"), ("kind", "general"), ("body", "Which children?")]
        case path.hasSuffix("/edit"): return [("revision", "1"), ("heading", "Introduction"), ("body", "Children go online.")]
        case path.hasSuffix("/sections/{section}/signoffs"): return [("revision", "1"), ("decision", "approve")]
        case path.hasSuffix("/suggestions"): return [("comments[]", "1"), ("response", "Applied")]
        case path.hasSuffix("/translate"): return [("revision", "0"), ("sourceRevision", "1"), ("text[heading]", "Hyrje")]
        case path.hasSuffix("/languages"): return [("language", "en"), ("translations[]", "sq")]
        default: return []
        }
    }

    func send(as principal: String) async throws -> TestResponse {
        let app = try buildApplication(database: fixture.database, configuration: APIConfiguration(host: "127.0.0.1", port: 0))
        return try await app.test(.router) { client in try await send(as: principal, client: client) }
    }

    /// Sends the request through a client of an application already serving the fixture's database.
    func send(as principal: String, client: some TestClientProtocol) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        var body: ByteBuffer?
        let formSecret = Secret.random()
        if let session = fixture.sessions[principal] {
            headers[.cookie] = "\(WebCookies.session)=\(session)"
        } else {
            headers[.cookie] = "\(WebCookies.form)=\(formSecret)"
        }
        if row.method == .post {
            // The token a page of this principal's would carry: bound to the session, or before sign-in to the
            // form cookie (a session that has ended binds nothing: the page it came from is stale).
            let boundTo = principal == "revoked" ? formSecret : fixture.sessions[principal] ?? formSecret
            let pairs = [("csrf", FormGuard.token(boundTo: boundTo))] + fields
            if row.path == "/app/import" || row.path.hasSuffix("/xliff") {
                // The uploads: a multipart form with a small DocBook or XLIFF document, as the page's file input sends it.
                let boundary = "matrix-boundary"
                headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
                let isImport = row.path == "/app/import"
                let parts = (pairs + (isImport ? [("mode", "lenient")] : [])).map {
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n"
                }
                let section = fixture.sectionIDs[strategy]!
                let document =
                    isImport
                    ? #"<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Imported</title></article>"#
                    : #"<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="s" source-language="en" target-language="sq" datatype="plaintext"><body><trans-unit id="s\#(section).heading"><source>Introduction</source><target>Hyrje</target></trans-unit></body></file></xliff>"#
                body = ByteBuffer(
                    string: parts.joined()
                        + "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(isImport ? "document" : "file")\"; filename=\"a.xml\"\r\n\r\n"
                        + document + "\r\n--\(boundary)--\r\n"
                )
            } else {
                headers[.contentType] = "application/x-www-form-urlencoded"
                body = ByteBuffer(string: pairs.map { "\(WebClient.encode($0.0))=\(WebClient.encode($0.1))" }.joined(separator: "&"))
            }
        }
        let ender = row.path.hasSuffix("/events") ? EventsTests.endStreams(of: fixture.database) : nil
        defer { ender?.cancel() }
        return try await client.execute(uri: uri(as: principal), method: row.method, headers: headers, body: body)
    }
}
