import Foundation

/// A strategy being drafted: its title, summary, phase and stakeholder groups.
public struct Strategy: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var summary: String
    public var phase: Phase
    public var groups: [StakeholderGroup]
    public var createdAt: Date
    /// The draft every group approved, once the strategy is adopted.
    public var adoptedDraft: Int? = nil
    /// Counts the changes of title, summary, phase and adoption: the strategy's entity tag.
    public var version: Int = 1
    /// The language the strategy is drafted, amended, commented and signed off in (a BCP 47 tag).
    public var language: String = "en"
    /// The languages it is translated into, in the order the facilitators gave them.
    public var translations: [String] = []
    /// Whether adoption waits until every translation is current.
    public var requireTranslations: Bool = false

    /// The source language and the translations, source first.
    public var languages: [String] { [language] + translations }
}

/// A stakeholder group of one strategy, such as `civil-society`.
public struct StakeholderGroup: Sendable, Equatable, Codable {
    public var key: String
    public var name: String

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    /// The groups a new strategy gets unless it names its own.
    public static let defaults: [StakeholderGroup] = [
        StakeholderGroup(key: "government", name: "Government"),
        StakeholderGroup(key: "civil-society", name: "Civil society"),
        StakeholderGroup(key: "industry", name: "Industry"),
    ]
}
