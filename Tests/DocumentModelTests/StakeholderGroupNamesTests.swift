import Testing

@testable import DocumentModel

/// Groups named on a form get keys the API accepts: Latin, lower case, unique, from any of the group's languages.
@Suite struct StakeholderGroupNamesTests {
    @Test func namesBecomeUniqueKeysInEveryScript() {
        let groups = StakeholderGroup.named([
            "Government", " Civil society ", "civil society", "", "Shoqëria civile", "Građani", "Влада", "!!!", String(repeating: "x", count: 60),
        ])
        #expect(
            groups.map(\.key) == [
                "government", "civil-society", "civil-society-2", "shoqeria-civile", "gradjani", "vlada", "group-7",
                String(repeating: "x", count: 36),
            ])
        #expect(groups[1].name == "Civil society")
        #expect(groups.allSatisfy { TextRules.isValidGroupKey($0.key) })
    }
}
