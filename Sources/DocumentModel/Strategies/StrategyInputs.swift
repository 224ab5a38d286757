import Foundation

/// What an admin gives to create a strategy.
public struct NewStrategy: Sendable {
    public var title: String
    public var summary: String
    public var groups: [StakeholderGroup]?

    public init(title: String, summary: String, groups: [StakeholderGroup]? = nil) {
        self.title = title
        self.summary = summary
        self.groups = groups
    }
}

extension NewStrategy: ValidatedInput {
    public func validate(into errors: inout FieldErrors) {
        errors.text(title, field: "title", maxLength: TextRules.maxTitleLength, singleLine: true)
        errors.text(summary, field: "summary", maxLength: TextRules.maxSummaryLength, allowEmpty: true)
        LinkRules.check(summary, field: "summary", into: &errors)
        let groups = groups ?? StakeholderGroup.defaults
        if groups.isEmpty { errors.add("groups", "must name at least one group") }
        if groups.count > 50 { errors.add("groups", "must name at most 50 groups") }
        var seen: Set<String> = []
        for (index, group) in groups.enumerated() {
            if !TextRules.isValidGroupKey(group.key) {
                errors.add("groups/\(index)/key", "must be lower-case letters, digits and hyphens")
            } else if !seen.insert(group.key).inserted {
                errors.add("groups/\(index)/key", "is given twice")
            }
            errors.text(group.name, field: "groups/\(index)/name", maxLength: TextRules.maxNameLength, singleLine: true)
        }
    }
}

/// A change of a strategy's title and/or summary (its phase is checked against the current one, in the write).
struct StrategyUpdate: ValidatedInput {
    var title: String?
    var summary: String?

    func validate(into errors: inout FieldErrors) {
        errors.text(title, field: "title", maxLength: TextRules.maxTitleLength, singleLine: true)
        errors.text(summary, field: "summary", maxLength: TextRules.maxSummaryLength, allowEmpty: true)
        LinkRules.check(summary, field: "summary", into: &errors)
    }
}
