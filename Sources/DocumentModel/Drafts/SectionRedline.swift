import DiffEngine

/// What a section's redline between two of its revisions shows; the API only renders it (JSON, unified text or
/// HTML).
public struct SectionRedline: Sendable {
    /// Words (prose, paragraphs aligned first, moves found) or whole lines.
    public enum Granularity: String, Sendable, CaseIterable {
        case word, line
    }

    /// What is compared.
    public enum Text: Sendable {
        /// The body, with the heading compared apart (structured formats show both changes side by side).
        case body
        /// Heading and body as one text, the heading as its first line Markdown style, so a plain-text reader
        /// sees the heading change too.
        case document
    }

    public enum Changes: Sendable {
        case words(ProseDiff)
        case lines(LineDiff)
    }

    public let sectionID: Int64
    public let before: Revision
    public let after: Revision
    public let changes: Changes
    /// The headings' word diff, when the body is compared apart from them.
    public let heading: ProseDiff?

    /// Nothing changed, heading included.
    public var identical: Bool {
        switch changes {
        case .words(let diff): diff.isIdentical && before.heading == after.heading
        case .lines(let diff): diff.isIdentical && before.heading == after.heading
        }
    }

    init(sectionID: Int64, before: Revision, after: Revision, granularity: Granularity, text: Text) {
        self.sectionID = sectionID
        self.before = before
        self.after = after
        let (old, new) = text == .document ? (Self.document(before), Self.document(after)) : (before.body, after.body)
        switch granularity {
        case .word: changes = .words(ProseDiff(before: old, after: new))
        case .line: changes = .lines(LineDiff(before: old, after: new))
        }
        heading = text == .body ? ProseDiff(before: before.heading, after: after.heading) : nil
    }

    /// The heading as the text's first line, Markdown style.
    static func document(_ revision: Revision) -> String { "# " + revision.heading + "\n\n" + revision.body }

    /// Bodies above this many bytes in all are diffed as heavy work, off the request threads.
    static let heavyBytes = 64 * 1024
}

extension AppDatabase {
    /// The redline of a section between revisions `from` and `to` (nil: the current one); any member may read it.
    public func redline(
        strategyID: Int64, sectionID: Int64, from: Int, to: Int?, granularity: SectionRedline.Granularity,
        text: SectionRedline.Text, for account: Account
    ) async throws -> SectionRedline {
        let (before, after) = try await revisionPair(strategyID: strategyID, sectionID: sectionID, from: from, to: to, for: account)
        let diff: @Sendable () -> SectionRedline = {
            SectionRedline(sectionID: sectionID, before: before, after: after, granularity: granularity, text: text)
        }
        guard before.body.utf8.count + after.body.utf8.count > SectionRedline.heavyBytes else { return diff() }
        return try await heavyWork.run(diff)
    }
}
