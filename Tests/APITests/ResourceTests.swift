import API
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The resources of the backbone: accounts, tokens, strategies, members, sections, revisions, activity.
@Suite struct ResourceTests {
    @Test func adminsCreateAccountsWhoseTokenWorksAndCanBeRevoked() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let created = try await client.send(.post, "/accounts", as: harness.tokens["admin"], json: #"{"name":"Drita"}"#)
            #expect(created.status == .created)
            let id = created.object["id"] as? Int ?? 0
            #expect(created.headers[.location] == "/accounts/\(id)")
            let token = created.object["token"] as? String ?? ""
            let me = try await client.send(.get, "/me", as: token)
            #expect(me.object["name"] as? String == "Drita")
            let forbidden = try await client.send(.post, "/accounts", as: token, json: #"{"name":"Eve"}"#)
            #expect(forbidden.status == .forbidden)

            let second = try await client.send(.post, "/accounts/\(id)/tokens", as: token)
            #expect(second.status == .created)
            let secondToken = second.object["token"] as? String ?? ""
            let tokenID = second.object["id"] as? Int ?? 0
            let list = try await client.send(.get, "/accounts/\(id)/tokens", as: token)
            #expect(!list.text.contains(secondToken) && !list.text.contains(token))
            let revoke = try await client.send(.delete, "/accounts/\(id)/tokens/\(tokenID)", as: token)
            #expect(revoke.status == .noContent)
            #expect(try await client.send(.get, "/me", as: secondToken).status == .unauthorized)
            #expect(try await client.send(.get, "/me", as: token).status == .ok)
            let other = try await client.send(.post, "/accounts/\(harness.accountIDs["admin"]!)/tokens", as: token)
            #expect(other.status == .forbidden)
        }
        #expect(!harness.logs.all.isEmpty)
        for token in harness.tokens.values { #expect(!harness.logs.all.contains(token)) }
    }

    @Test func strategiesGetDefaultOrGivenGroupsAndOnlyFacilitatorsEditThem() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let created = try await client.send(
                .post, "/strategies", as: harness.tokens["admin"],
                json: #"{"title":"Schools","summary":"s","groups":[{"key":"schools"},{"key":"parents","name":"Parents' councils"}]}"#
            )
            #expect(created.status == .created)
            let groups = created.object["groups"] as? [[String: String]] ?? []
            #expect(groups == [["key": "schools", "name": "Schools"], ["key": "parents", "name": "Parents' councils"]])
            #expect(created.headers[.location] == "/strategies/\(created.object["id"] as? Int ?? 0)")

            let existing = try await client.send(.get, "/strategies/\(harness.strategyID)", as: harness.tokens["observer"])
            #expect((existing.object["groups"] as? [[String: String]])?.map { $0["key"]! } == ["government", "civil-society", "industry"])
            #expect(existing.object["phase"] as? String == "drafting")

            let uri = "/strategies/\(harness.strategyID)"
            let byMember = try await client.send(.patch, uri, as: harness.tokens["member"], json: #"{"title":"Mine"}"#)
            #expect(byMember.status == .forbidden)
            let byFacilitator = try await client.send(.patch, uri, as: harness.tokens["facilitator"], json: #"{"title":"Ours"}"#)
            #expect(byFacilitator.status == .ok)
            #expect(byFacilitator.object["title"] as? String == "Ours")
            let list = try await client.send(.get, "/strategies", as: harness.tokens["member"])
            #expect((list.object["items"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func membershipsAreCreatedThenChanged() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let uri = "/strategies/\(harness.strategyID)/members/\(harness.accountIDs["outsider"]!)"
            let added = try await client.send(.put, uri, as: harness.tokens["facilitator"], json: #"{"role":"member","group":"civil-society"}"#)
            #expect(added.status == .created)
            let changed = try await client.send(.put, uri, as: harness.tokens["facilitator"], json: #"{"role":"signatory","group":"civil-society"}"#)
            #expect(changed.status == .ok)
            #expect(changed.object["role"] as? String == "signatory")
            let visible = try await client.send(.get, "/strategies/\(harness.strategyID)", as: harness.tokens["outsider"])
            #expect(visible.status == .ok)
            let byMember = try await client.send(.delete, uri, as: harness.tokens["member"])
            #expect(byMember.status == .forbidden)
            let removed = try await client.send(.delete, uri, as: harness.tokens["facilitator"])
            #expect(removed.status == .noContent)
            let hidden = try await client.send(.get, "/strategies/\(harness.strategyID)", as: harness.tokens["outsider"])
            #expect(hidden.status == .notFound)
            let members = try await client.send(.get, "/strategies/\(harness.strategyID)/members", as: harness.tokens["member"])
            #expect((members.object["items"] as? [[String: Any]])?.count == 4)
        }
    }

    @Test func sectionsFormATreeWithRevisionsAndActivity() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let facilitator = harness.tokens["facilitator"]
            let base = "/strategies/\(harness.strategyID)/sections"
            let created = try await client.send(.post, base, as: facilitator, json: #"{"heading":"Objectives","body":"- one\n- two"}"#)
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            let parent = created.object["id"] as? Int ?? 0
            #expect(created.headers[.location] == "\(base)/\(parent)")
            let child = try await client.send(.post, base, as: facilitator, json: #"{"heading":"Awareness","body":"Sessions.","parent":\#(parent)}"#)
            #expect(child.object["number"] as? String == "2.1")
            let childID = child.object["id"] as? Int ?? 0

            let moved = try await client.send(
                .patch, "\(base)/\(childID)", as: facilitator, json: #"{"parent":null,"position":1}"#, headers: [.ifMatch: "\"1\""]
            )
            #expect(moved.status == .ok)
            #expect(moved.object["number"] as? String == "1")
            #expect(moved.headers[.eTag] == "\"2\"")
            let outline = try await client.send(.get, base, as: harness.tokens["observer"])
            let numbers = (outline.object["items"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
            #expect(numbers == ["1", "2", "3"])

            let revisions = try await client.send(.get, "\(base)/\(childID)/revisions", as: harness.tokens["member"])
            let items = revisions.object["items"] as? [[String: Any]] ?? []
            #expect(items.map { ($0["source"] as? [String: Any])?["kind"] as? String } == ["created", "structure"])
            #expect(items.allSatisfy { $0["body"] == nil })
            let first = try await client.send(.get, "\(base)/\(childID)/revisions/1", as: harness.tokens["member"])
            #expect(first.object["body"] as? String == "Sessions.")
            #expect(try await client.send(.get, "\(base)/\(childID)/revisions/3", as: harness.tokens["member"]).status == .notFound)

            let removed = try await client.send(.delete, "\(base)/\(parent)", as: facilitator)
            #expect(removed.status == .noContent)
            let gone = try await client.send(.get, "\(base)/\(parent)", as: harness.tokens["member"])
            #expect(gone.object["removed"] as? Bool == true)
            #expect(try await client.send(.delete, "\(base)/\(parent)", as: facilitator).status == .notFound)

            let activity = try await client.send(.get, "/strategies/\(harness.strategyID)/activity?limit=200", as: harness.tokens["member"])
            let actions = (activity.object["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions.suffix(4) == ["section.created", "section.created", "section.moved", "section.removed"])
            let verify = try await client.send(.get, "/strategies/\(harness.strategyID)/activity/verify", as: harness.tokens["member"])
            #expect(verify.object["intact"] as? Bool == true)
        }
    }

    @Test func pagingNeverRepeatsOrSkipsWhileOthersWrite() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let admin = harness.tokens["admin"]
            for index in 0..<7 { try await client.send(.post, "/accounts", as: admin, json: #"{"name":"Person \#(index)"}"#) }
            var seen: [Int] = []
            var cursor: String?
            repeat {
                let uri = "/accounts?limit=4" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.send(.get, uri, as: admin)
                #expect(page.status == .ok)
                seen += (page.object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
                cursor = page.object["nextCursor"] as? String
                // A write between pages appends; it must not shift what is still to come.
                try await client.send(.post, "/accounts", as: admin, json: #"{"name":"Late"}"#)
            } while cursor != nil
            #expect(seen == Array(Set(seen)).sorted())
            #expect(Array(seen.prefix(13)) == Array(1...13))
        }
    }

    @Test func theLiveServerAnswersOnLoopback() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            #expect(try await client.send(.get, "/health", as: nil).status == .ok)
            let section = try await client.send(.get, harness.sectionURI, as: harness.tokens["member"])
            #expect(section.object["heading"] as? String == "Introduction")
        }
    }
}
