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
            let account = try created.decode(Wire.CreatedAccount.self)
            let id = account.id, token = account.token
            #expect(created.headers[.location] == "/accounts/\(id)")
            let me = try await client.send(.get, "/me", as: token)
            #expect(try me.decode(Wire.Me.self).name == "Drita")
            let forbidden = try await client.send(.post, "/accounts", as: token, json: #"{"name":"Eve"}"#)
            #expect(forbidden.status == .forbidden)

            let second = try await client.send(.post, "/accounts/\(id)/tokens", as: token)
            #expect(second.status == .created)
            let issued = try second.decode(Wire.Token.self)
            let secondToken = issued.token, tokenID = issued.id
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
            let strategy = try created.decode(Wire.Strategy.self)
            #expect(strategy.groups == [.init(key: "schools", name: "Schools"), .init(key: "parents", name: "Parents' councils")])
            #expect(created.headers[.location] == "/strategies/\(strategy.id)")

            let existing = try await client.send(.get, "/strategies/\(harness.strategyID)", as: harness.tokens["observer"])
            let read = try existing.decode(Wire.Strategy.self)
            #expect(read.groups.map(\.key) == ["government", "civil-society", "industry"])
            #expect(read.phase == "drafting")

            let uri = "/strategies/\(harness.strategyID)"
            let byMember = try await client.send(.patch, uri, as: harness.tokens["member"], json: #"{"title":"Mine"}"#)
            #expect(byMember.status == .forbidden)
            #expect(existing.headers[.eTag] == #""1""#)
            let unconditional = try await client.send(.patch, uri, as: harness.tokens["facilitator"], json: #"{"title":"Ours"}"#)
            #expect(unconditional.status == .preconditionRequired)
            let byFacilitator = try await client.send(
                .patch, uri, as: harness.tokens["facilitator"], json: #"{"title":"Ours"}"#, headers: [.ifMatch: #""1""#]
            )
            #expect(byFacilitator.status == .ok)
            #expect(try byFacilitator.decode(Wire.Strategy.self).title == "Ours")
            #expect(byFacilitator.headers[.eTag] == #""2""#)
            // A second facilitator who read version 1 cannot overwrite the first one's title unseen.
            let stale = try await client.send(
                .patch, uri, as: harness.tokens["facilitator"], json: #"{"summary":"Theirs"}"#, headers: [.ifMatch: #""1""#]
            )
            #expect(stale.status == .preconditionFailed)
            let any = try await client.send(
                .patch, uri, as: harness.tokens["facilitator"], json: #"{"summary":"Anyone's"}"#, headers: [.ifMatch: "*"]
            )
            #expect(any.status == .ok && any.headers[.eTag] == #""3""#)
            // A phase change alone names its own step and needs no If-Match.
            let phase = try await client.send(.patch, uri, as: harness.tokens["facilitator"], json: #"{"phase":"consultation"}"#)
            #expect(phase.status == .ok && phase.headers[.eTag] == #""4""#)
            let list = try await client.send(.get, "/strategies", as: harness.tokens["member"])
            #expect(try list.decode(Wire.Page<Wire.Strategy>.self).items.count == 1)
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
            #expect(try changed.decode(Wire.Member.self).role == "signatory")
            let visible = try await client.send(.get, "/strategies/\(harness.strategyID)", as: harness.tokens["outsider"])
            #expect(visible.status == .ok)
            let byMember = try await client.send(.delete, uri, as: harness.tokens["member"])
            #expect(byMember.status == .forbidden)
            let removed = try await client.send(.delete, uri, as: harness.tokens["facilitator"])
            #expect(removed.status == .noContent)
            let hidden = try await client.send(.get, "/strategies/\(harness.strategyID)", as: harness.tokens["outsider"])
            #expect(hidden.status == .notFound)
            let members = try await client.send(.get, "/strategies/\(harness.strategyID)/members", as: harness.tokens["member"])
            #expect(try members.decode(Wire.Page<Wire.Member>.self).items.count == 4)
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
            let parent = try created.decode(Wire.Section.self).id
            #expect(created.headers[.location] == "\(base)/\(parent)")
            let child = try await client.send(.post, base, as: facilitator, json: #"{"heading":"Awareness","body":"Sessions.","parent":\#(parent)}"#)
            let childSection = try child.decode(Wire.Section.self)
            #expect(childSection.number == "2.1")
            let childID = childSection.id

            let moved = try await client.send(
                .patch, "\(base)/\(childID)", as: facilitator, json: #"{"parent":null,"position":1}"#, headers: [.ifMatch: "\"1\""]
            )
            #expect(moved.status == .ok)
            #expect(try moved.decode(Wire.Section.self).number == "1")
            #expect(moved.headers[.eTag] == "\"2\"")
            let outline = try await client.send(.get, base, as: harness.tokens["observer"])
            let numbers = try outline.decode(Wire.Page<Wire.OutlineEntry>.self).items.map(\.number)
            #expect(numbers == ["1", "2", "3"])

            let revisions = try await client.send(.get, "\(base)/\(childID)/revisions", as: harness.tokens["member"])
            let items = try revisions.decode(Wire.Page<Wire.Revision>.self).items
            #expect(items.map(\.source.kind) == ["created", "structure"])
            #expect(items.allSatisfy { $0.body == nil })
            let first = try await client.send(.get, "\(base)/\(childID)/revisions/1", as: harness.tokens["member"])
            #expect(try first.decode(Wire.Revision.self).body == "Sessions.")
            #expect(try await client.send(.get, "\(base)/\(childID)/revisions/3", as: harness.tokens["member"]).status == .notFound)

            let removed = try await client.send(.delete, "\(base)/\(parent)", as: facilitator)
            #expect(removed.status == .noContent)
            let gone = try await client.send(.get, "\(base)/\(parent)", as: harness.tokens["member"])
            #expect(try gone.decode(Wire.Section.self).removed)
            #expect(try await client.send(.delete, "\(base)/\(parent)", as: facilitator).status == .notFound)

            let activity = try await client.send(.get, "/strategies/\(harness.strategyID)/activity?limit=200", as: harness.tokens["member"])
            let actions = try activity.decode(Wire.Page<Wire.Activity>.self).items.map(\.action)
            #expect(actions.suffix(4) == ["section.created", "section.created", "section.moved", "section.removed"])
            let verify = try await client.send(.get, "/strategies/\(harness.strategyID)/activity/verify", as: harness.tokens["member"])
            #expect(try verify.decode(Wire.Verification.self).intact)
        }
    }

    @Test func pagingNeverRepeatsOrSkipsWhileOthersWrite() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let admin = harness.tokens["admin"]
            for index in 0..<7 { try await client.send(.post, "/accounts", as: admin, json: #"{"name":"Person \#(index)"}"#) }
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let uri = "/accounts?limit=4" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.send(.get, uri, as: admin)
                #expect(page.status == .ok)
                let accounts = try page.decode(Wire.Page<Wire.Account>.self)
                seen += accounts.items.map(\.id)
                cursor = accounts.nextCursor
                // A write between pages appends; it must not shift what is still to come.
                try await client.send(.post, "/accounts", as: admin, json: #"{"name":"Late"}"#)
            } while cursor != nil
            #expect(seen == Array(Set(seen)).sorted())
            #expect(Array(seen.prefix(13)) == Array(Int64(1)...13))
        }
    }

    @Test func theLiveServerAnswersOnLoopback() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            #expect(try await client.send(.get, "/health", as: nil).status == .ok)
            let section = try await client.send(.get, harness.sectionURI, as: harness.tokens["member"])
            #expect(try section.decode(Wire.Section.self).heading == "Introduction")
        }
    }
}
