import API
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// DocBook over HTTP: export to any member, import by admins, hostile documents refused as problems.
@Suite struct DocBookRouteTests {
    @Test func membersExportAndAdminsImportTheSameDocumentBack() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let uri = "/strategies/\(harness.strategyID)/export"
            let export = try await client.send(.get, uri + "?format=docbook", as: harness.tokens["observer"])
            #expect(export.status == .ok)
            #expect(export.headers[.contentType] == "application/docbook+xml")
            #expect(export.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article"))
            #expect(export.text.contains("<title>Introduction</title>"))
            #expect(try await client.send(.get, uri, as: harness.tokens["outsider"]).status == .notFound)
            #expect(try await client.send(.get, uri + "?format=pdf", as: harness.tokens["member"]).status == .badRequest)

            let xml: HTTPFields = [.contentType: "application/docbook+xml"]
            // A member who facilitates no strategy may not import (a facilitator may: WebImportTests).
            #expect(
                try await client.send(.post, "/strategies/import", as: harness.tokens["member"], json: export.text, headers: xml).status
                    == .forbidden)
            #expect(
                try await client.send(.post, "/strategies/import", as: harness.tokens["admin"], json: export.text).status == .unsupportedMediaType)
            let imported = try await client.send(.post, "/strategies/import", as: harness.tokens["admin"], json: export.text, headers: xml)
            #expect(imported.status == .created)
            let importedBody = try imported.decode(Wire.Import.self)
            let id = importedBody.strategy.id
            #expect(imported.headers[.location] == "/strategies/\(id)")
            #expect(importedBody.unmapped == [])
            let again = try await client.send(.get, "/strategies/\(id)/export", as: harness.tokens["admin"])
            #expect(again.text == export.text)
        }
    }

    @Test func hostileOrForeignDocumentsAreProblems() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let xml: HTTPFields = [.contentType: "application/docbook+xml"]
            let admin = harness.tokens["admin"]
            let xxe =
                #"<!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/passwd">]><article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>&x;</title></article>"#
            let refused = try await client.send(.post, "/strategies/import", as: admin, json: xxe, headers: xml)
            #expect(refused.status == .unprocessableContent && refused.isProblem && !refused.text.contains("root:"))
            let malformed = try await client.send(.post, "/strategies/import", as: admin, json: "<article", headers: xml)
            #expect(malformed.status == .badRequest && malformed.isProblem)
            let foreign =
                #"<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T</title><section><title>S</title><table/></section></article>"#
            let strict = try await client.send(.post, "/strategies/import", as: admin, json: foreign, headers: xml)
            #expect(strict.status == .unprocessableContent)
            #expect(try strict.decode(Wire.Problem.self).unmapped == ["/article/section[1]/table[1]"])
            let lenient = try await client.send(.post, "/strategies/import?lenient=true", as: admin, json: foreign, headers: xml)
            #expect(lenient.status == .created)
            #expect(try lenient.decode(Wire.Import.self).unmapped == ["/article/section[1]/table[1]"])
            let control = #"<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T&#x1;</title></article>"#
            #expect(try await client.send(.post, "/strategies/import", as: admin, json: control, headers: xml).status == .badRequest)
        }
    }
}
