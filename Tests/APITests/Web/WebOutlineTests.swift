import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The outline editor (#25): a facilitator adds sections under others at a position, moves them a step at a time,
/// renames and removes them — each checked through the API's outline; refusals beside their field; a form from
/// an outdated page does nothing; members do not reach it.
@Suite struct WebOutlineTests {
    static func outline(_ harness: Harness, _ client: some TestClientProtocol) async throws -> [String] {
        try await client.send(.get, "/strategies/\(harness.strategyID)/sections", as: harness.tokens["member"])
            .decode(Wire.Page<Wire.OutlineEntry>.self).items.map { "\($0.number) \($0.heading)" }
    }

    static func id(_ heading: String, _ harness: Harness) async throws -> Int64 {
        let member = try await harness.account("member")
        return try #require(try await harness.database.outline(strategyID: harness.strategyID, for: member).first { $0.heading == heading }?.id)
    }

    @Test func aFacilitatorBuildsAndReshapesTheOutline() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            let page = "/app/strategies/\(harness.strategyID)/outline"
            #expect(
                try await web.get("/app/strategies/\(harness.strategyID)").text.contains(
                    #"<a class="button secondary" href="\#(page)">Edit the outline</a>"#))
            let shown = try await web.get(page)
            #expect(shown.status == .ok && shown.text.contains("<h2 id=\"add-section-heading\">Add section</h2>"))
            let added = try await web.post(page, ["heading": "Principles", "body": "Children first.", "parent": "", "position": ""])
            #expect(added.status == .seeOther && added.headers[.location]?.hasPrefix(page + "?notice=sectionAdded") == true)
            let principles = try await Self.id("Principles", harness)
            _ = try await web.post(page, ["heading": "Rights", "body": "", "parent": "\(principles)", "position": ""])
            _ = try await web.post(page, ["heading": "Safety", "body": "", "parent": "\(principles)", "position": "1"])
            _ = try await web.post(page, ["heading": "Foreword", "body": "", "parent": "", "position": "1"])
            #expect(try await Self.outline(harness, client) == ["1 Foreword", "2 Introduction", "3 Principles", "3.1 Safety", "3.2 Rights"])
            // One step at a time, and the pressed button is focused again for the next press.
            let rights = try await Self.id("Rights", harness)
            let moved = try await web.post(page + "/\(rights)/move", ["revision": "1", "step": "up"])
            #expect(moved.status == .seeOther)
            let location = try #require(moved.headers[.location])
            #expect(location.hasSuffix("moved=\(rights)&step=up"), "no fragment, which would stop the focus coming back")
            let again = try await web.get(location)
            #expect(again.text.contains(#"value="up" class="secondary small" autofocus"#) == false, "up has nowhere to go now")
            #expect(try await Self.outline(harness, client) == ["1 Foreword", "2 Introduction", "3 Principles", "3.1 Rights", "3.2 Safety"])
            _ = try await web.post(page + "/\(rights)/move", ["revision": "2", "step": "down"])
            let pressedAgain = try await web.get(page + "?moved=\(rights)&step=up")
            #expect(pressedAgain.text.contains(#"value="up" class="secondary small" autofocus"#))
            let foreword = try await Self.id("Foreword", harness)
            _ = try await web.post(page + "/\(foreword)/move", ["revision": "1", "step": "down"])
            _ = try await web.post(page + "/\(foreword)/move", ["revision": "2", "step": "indent"])
            #expect(try await Self.outline(harness, client) == ["1 Introduction", "1.1 Foreword", "2 Principles", "2.1 Safety", "2.2 Rights"])
            _ = try await web.post(page + "/\(foreword)/move", ["revision": "3", "step": "outdent"])
            // Renamed, its text kept; removed with its subsections, its history kept.
            let renamed = try await web.post(page + "/\(principles)/rename", ["revision": "1", "heading": "Guiding principles"])
            #expect(renamed.status == .seeOther)
            let section = try await client.send(.get, "/strategies/\(harness.strategyID)/sections/\(principles)", as: harness.tokens["member"])
                .decode(Wire.Section.self)
            #expect(section.heading == "Guiding principles" && section.body == "Children first." && section.revision == 2)
            #expect(try await web.get(page).text.contains("Remove 3 Guiding principles and its 2 subsections?"))
            let removed = try await web.post(page + "/\(principles)/remove", ["revision": "2"])
            #expect(removed.status == .seeOther && removed.headers[.location] == page + "?notice=sectionRemoved")
            #expect(try await Self.outline(harness, client) == ["1 Introduction", "2 Foreword"])
            let history = try await client.send(
                .get, "/strategies/\(harness.strategyID)/sections/\(principles)/revisions", as: harness.tokens["member"])
            #expect(history.status == .ok, "the history of a removed section stays readable")
        }
    }

    @Test func refusalsAreShownBesideTheirFieldAndAnOutdatedFormDoesNothing() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            let page = "/app/strategies/\(harness.strategyID)/outline"
            _ = try await web.get(page)
            let before = try await Self.outline(harness, client)
            let noHeading = try await web.post(page, ["heading": " ", "body": "Kept text", "parent": "", "position": ""])
            #expect(noHeading.status == .unprocessableContent && noHeading.text.contains(#"id="heading-error""#))
            #expect(noHeading.text.contains("Kept text"), "what was typed stays")
            let farPosition = try await web.post(page, ["heading": "Later", "body": "", "parent": "", "position": "9"])
            #expect(farPosition.status == .unprocessableContent && farPosition.text.contains(#"id="position-error""#))
            #expect(farPosition.text.contains("must be between 1 and 2"))
            let wordPosition = try await web.post(page, ["heading": "Later", "body": "", "parent": "", "position": "first"])
            #expect(wordPosition.status == .unprocessableContent && wordPosition.text.contains(#"id="position-error""#))
            let noParent = try await web.post(page, ["heading": "Later", "body": "", "parent": "999999", "position": ""])
            #expect(noParent.status == .unprocessableContent && noParent.text.contains(#"id="parent-error""#))
            let crafted = try await web.post(page + "/\(harness.sectionID)/move", ["revision": "1", "step": "sideways"])
            #expect(crafted.status == .badRequest)
            let emptyName = try await web.post(page + "/\(harness.sectionID)/rename", ["revision": "1", "heading": ""])
            #expect(emptyName.status == .unprocessableContent && emptyName.text.contains(#"id="section-\#(harness.sectionID)-error""#))
            // Someone edited the section since the page was read: the rename and the removal are not applied.
            let edited = try await client.send(
                .put, harness.sectionURI, as: harness.tokens["facilitator"], json: #"{"heading":"Introduction","body":"New text."}"#,
                headers: [.ifMatch: "\"1\""]
            )
            #expect(edited.status == .ok)
            for (path, fields) in [("rename", ["revision": "1", "heading": "Intro"]), ("remove", ["revision": "1"])] {
                let stale = try await web.post(page + "/\(harness.sectionID)/\(path)", fields)
                #expect(stale.headers[.location]?.contains("notice=outlineChanged") == true, "\(path)")
            }
            #expect(try await web.get(page + "?notice=outlineChanged").text.contains("Someone changed this part of the outline"))
            #expect(try await Self.outline(harness, client) == before)
        }
    }

    @Test func membersDoNotReachTheEditor() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("member", harness, client)
            let page = "/app/strategies/\(harness.strategyID)/outline"
            #expect(try await web.get(page).status == .forbidden)
            _ = try await web.get("/app/strategies/\(harness.strategyID)")
            #expect(try await web.post(page, ["heading": "Mine", "body": ""]).status == .forbidden)
            #expect(try await web.post(page + "/\(harness.sectionID)/remove", ["revision": "1"]).status == .forbidden)
            #expect(!(try await web.get("/app/strategies/\(harness.strategyID)").text.contains("Edit the outline")))
            #expect(try await Self.outline(harness, client) == ["1 Introduction"])
        }
    }
}
