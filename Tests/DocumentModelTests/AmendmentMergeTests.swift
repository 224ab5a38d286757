import Testing

@testable import DocumentModel

@Suite struct AmendmentMergeTests {
    let base = SectionText(heading: "Reporting", body: "Report harm quickly. Help is free.")

    @Test func aHeadingChangeMergesWithABodyEditAndTwoHeadingChangesConflict() {
        let current = SectionText(heading: "Reporting", body: "Report harm at once. Help is free.")
        let renamed = AmendmentMerge(base: base, current: current, proposed: SectionText(heading: "Reporting harm", body: base.body))
        #expect(renamed.merged == SectionText(heading: "Reporting harm", body: current.body))
        #expect(renamed.footprint.headingChanged && renamed.footprint.ranges.isEmpty)

        let renamedCurrent = SectionText(heading: "Reports", body: base.body)
        let clash = AmendmentMerge(base: base, current: renamedCurrent, proposed: SectionText(heading: "Reporting harm", body: base.body))
        #expect(clash.merged == nil)
        #expect(
            clash.conflicts == [
                MergeConflict(field: "heading", base: "Reporting", current: "Reports", proposed: "Reporting harm", currentStart: 0, currentEnd: 7)
            ])
        let resolved = AmendmentMerge(
            base: base, current: renamedCurrent, proposed: SectionText(heading: "Reporting harm", body: base.body),
            resolution: AmendmentResolution(heading: "Reports of harm")
        )
        #expect(resolved.merged?.heading == "Reports of harm")
    }

    @Test func bodyConflictsCarryTheirPlaceInTheCurrentText() throws {
        let current = SectionText(heading: "Reporting", body: "Report harm at once. Help is free.")
        let merge = AmendmentMerge(
            base: base, current: current, proposed: SectionText(heading: "Reporting", body: "Report harm within a day. Help is free."))
        let conflict = try #require(merge.conflicts.first)
        #expect(merge.merged == nil && conflict.field == "body")
        let bytes = Array(current.body.utf8)
        #expect(String(decoding: bytes[conflict.currentStart..<conflict.currentEnd], as: UTF8.self) == conflict.current)
        // The footprint lies on the current text, where the amendment's words now are.
        #expect(merge.footprint.ranges.allSatisfy { $0.upperBound <= bytes.count })
    }

    @Test func footprintsSurviveTheirEncoding() {
        let footprint = Footprint(headingChanged: true, ranges: [0..<0, 3..<9, 200..<4000])
        #expect(Footprint(decoding: footprint.encoded) == footprint)
        #expect(Footprint(decoding: Footprint(headingChanged: false, ranges: []).encoded) == Footprint(headingChanged: false, ranges: []))
    }
}
