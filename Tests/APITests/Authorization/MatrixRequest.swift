import API
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// One operation of the matrix as a request that would succeed for a caller with the right: the strategy whose
/// phase allows it, real ids in the path, a valid body, `If-Match: *` where a precondition is required.
struct MatrixRequest {
    let row: AuthorizationMatrixTests.Row
    let fixture: AuthorizationFixture
    var strategy: Int64
    var section: Int64
    /// The amendment of the path: an industry member's unless a test names the caller's own.
    var amendment: Int64 = 1

    init(row: AuthorizationMatrixTests.Row, fixture: AuthorizationFixture) {
        self.row = row
        self.fixture = fixture
        // Adoption needs final review; publication needs an adopted strategy; everything else is allowed in
        // consultation, where observers may comment too.
        strategy =
            row.path.hasSuffix("/adopt")
            ? fixture.finalReview
            : row.path.hasSuffix("/publication") ? fixture.adopted : fixture.consultation
        section = fixture.sectionIDs[strategy]!
    }

    var uri: String {
        // An invitation is for someone without a password yet (the member has one, and signs in with it).
        let account =
            row.path.hasSuffix("/members/{account}")
            ? (row.method == .delete ? fixture.spare : fixture.newcomer)
            : row.path.hasSuffix("/invitations") ? fixture.newcomer : fixture.member
        var uri = row.path
        for (placeholder, value) in [
            ("{strategy}", strategy), ("{section}", section), ("{account}", account), ("{token}", fixture.spareTokenID),
            ("{amendment}", amendment), ("{comment}", 1), ("{draft}", 1), ("{other}", 1), ("{revision}", 1),
        ] {
            uri = uri.replacingOccurrences(of: placeholder, with: String(value))
        }
        uri = uri.replacingOccurrences(of: "{lang}", with: "sq")
        return uri
            + (row.path.hasSuffix("/diff")
                ? "?from=1" : row.path.hasSuffix("/translation") || row.path.hasSuffix("/translation/revisions") ? "?lang=sq" : "")
    }

    /// A body the operation accepts, by the operation's last path segments.
    var body: String? {
        switch (row.method, row.path) {
        case (.post, "/accounts"): #"{"name":"Ana"}"#
        case (.post, "/accounts/{account}/invitations"): #"{"email":"newcomer@example.org"}"#
        case (.post, "/strategies"): #"{"title":"A new strategy"}"#
        case (.post, "/strategies/import"):
            #"<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Imported</title><section><title>One</title><para>Text.</para></section></article>"#
        case (.patch, "/strategies/{strategy}"): #"{"title":"Renamed"}"#
        case (.put, "/strategies/{strategy}/members/{account}"): #"{"role":"member","group":"government"}"#
        case (.post, "/strategies/{strategy}/sections"): #"{"heading":"New section","body":"Text."}"#
        case (.put, "/strategies/{strategy}/sections/{section}"): #"{"heading":"Introduction","body":"Children go online."}"#
        case (.patch, "/strategies/{strategy}/sections/{section}"): #"{"position":1}"#
        case (.post, "/strategies/{strategy}/sections/{section}/amendments"):
            #"{"baseRevision":1,"body":"Children go online young.","rationale":"Plainer"}"#
        case (.post, "/strategies/{strategy}/amendments/{amendment}/reject"): #"{"reason":"Out of scope"}"#
        case (.post, "/strategies/{strategy}/drafts"): #"{"title":"Second draft"}"#
        case (.post, "/strategies/{strategy}/comments"):
            #"{"section":\#(section),"revision":1,"anchor":{"start":0,"end":8},"body":"Which children?"}"#
        case (.post, "/strategies/{strategy}/comments/{comment}/replies"): #"{"body":"All of them."}"#
        case (.post, "/strategies/{strategy}/comments/{comment}/resolve"): #"{"disposition":"noted"}"#
        case (.post, "/strategies/{strategy}/sections/{section}/apply-suggestions"): #"{"comments":[1]}"#
        case (.post, "/strategies/{strategy}/drafts/{draft}/signoffs"): #"{"decision":"approve","group":"government"}"#
        case (.post, "/strategies/{strategy}/sections/{section}/signoffs"):
            #"{"decision":"approve","group":"government","revision":1}"#
        case (.post, "/strategies/{strategy}/adopt"): #"{"draft":1}"#
        case (.post, "/strategies/{strategy}/translations/{lang}/xliff"):
            #"<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="s" source-language="en" target-language="sq" datatype="plaintext"><body><trans-unit id="s\#(section).heading"><source>Introduction</source><target>Hyrje</target></trans-unit></body></file></xliff>"#
        case (.put, "/strategies/{strategy}/sections/{section}/translation"):
            #"{"units":[{"id":"heading","text":"Hyrje","sourceRevision":1}]}"#
        default: nil
        }
    }

    func send(as principal: String) async throws -> TestResponse {
        let app = try buildApplication(database: fixture.database, configuration: APIConfiguration(host: "127.0.0.1", port: 0))
        return try await app.test(.router) { client in try await send(as: principal, client: client) }
    }

    /// Sends the request through a client of an application already serving the fixture's database.
    func send(as principal: String, client: some TestClientProtocol) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if principal != "anonymous", let token = fixture.tokens[principal] { headers[.authorization] = "Bearer \(token)" }
        if [.put, .patch, .delete].contains(row.method) || row.path.hasSuffix("/accept") { headers[.ifMatch] = "*" }
        if body != nil {
            headers[.contentType] =
                row.path.hasSuffix("/import")
                ? "application/docbook+xml" : row.path.hasSuffix("/xliff") ? "application/x-xliff+xml" : "application/json"
        }
        // An event stream stays open; the router client reads a body to its end, so streams are ended for it.
        let ender = row.path.hasSuffix("/events") ? EventsTests.endStreams(of: fixture.database) : nil
        defer { ender?.cancel() }
        return try await client.execute(uri: uri, method: row.method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }
}
