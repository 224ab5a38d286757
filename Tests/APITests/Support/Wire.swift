import Foundation
import HummingbirdTesting
import Testing

/// The API's response bodies as a client reads them. Tests decode responses into these typed structs instead of
/// probing dictionaries, so a renamed or retyped field fails to decode with its name.
enum Wire {
    struct Page<Item: Decodable>: Decodable {
        var items: [Item]
        var nextCursor: String?
    }

    struct Health: Decodable { var status: String }

    struct Problem: Decodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var errors: [FieldError]?
        var currentRevision: Int?
        var phase: String?
        var conflicts: [Conflict]?
        var comments: [Int]?
        var groups: [String]?
        var draft: Int?
        var unmapped: [String]?
    }

    struct FieldError: Decodable, Equatable {
        var field: String
        var message: String
    }

    struct Conflict: Decodable {
        var field: String
        var base: String
        var current: String
        var proposed: String
        var currentStart: Int
        var currentEnd: Int
    }

    struct Person: Decodable {
        var id: Int64
        var name: String
    }

    struct Account: Decodable {
        var id: Int64
        var name: String
        var admin: Bool
    }

    struct CreatedAccount: Decodable {
        var id: Int64
        var name: String
        var admin: Bool
        var token: String
        var tokenId: Int64
    }

    struct Token: Decodable {
        var id: Int64
        var token: String
    }

    struct Me: Decodable {
        struct Membership: Decodable {
            var strategy: Int64
            var role: String
            var group: String?
        }

        var id: Int64
        var name: String
        var admin: Bool
        var memberships: [Membership]
    }

    struct Group: Decodable, Equatable {
        var key: String
        var name: String
    }

    struct Strategy: Decodable {
        var id: Int64
        var title: String
        var summary: String
        var phase: String
        var groups: [Group]
        var adoptedDraft: Int?
    }

    struct Member: Decodable {
        var account: Int64
        var name: String
        var role: String
        var group: String?
    }

    struct Section: Decodable {
        var id: Int64
        var number: String?
        var parent: Int64?
        var position: Int
        var heading: String
        var body: String
        var revision: Int
        var removed: Bool
    }

    struct OutlineEntry: Decodable {
        var id: Int64
        var number: String
        var parent: Int64?
        var position: Int
        var heading: String
        var revision: Int
    }

    struct Revision: Decodable {
        struct Source: Decodable {
            var kind: String
            var reference: Int?
        }

        var section: Int64
        var number: Int
        var heading: String
        var body: String?
        var author: Person
        var group: String?
        var message: String?
        var source: Source
    }

    struct Activity: Decodable {
        var id: Int64
        var account: Int64?
        var group: String?
        var action: String
        var subject: String
        var detail: [String: String]
    }

    struct Verification: Decodable {
        var intact: Bool
        var entries: Int
        var firstBrokenEntry: Int64?
    }

    struct Operation: Decodable {
        var kind: String
        var text: String
        var before: Int?
        var after: Int?
        var move: Int?
    }

    struct Paragraph: Decodable {
        var changed: Bool
        var operations: [Operation]
    }

    struct HeadingChange: Decodable {
        var before: String
        var after: String
        var changed: Bool
    }

    /// An amendment's or a comparison's word redline: the heading apart, the body by paragraph.
    struct TextRedline: Decodable {
        var heading: HeadingChange
        var paragraphs: [Paragraph]
    }

    struct Hunk: Decodable {
        struct Line: Decodable {
            var kind: String
            var text: String
        }

        var beforeStart: Int
        var beforeCount: Int
        var afterStart: Int
        var afterCount: Int
        var lines: [Line]
    }

    struct Redline: Decodable {
        var section: Int64
        var from: Int
        var to: Int
        var granularity: String
        var heading: HeadingChange
        var identical: Bool
        var paragraphs: [Paragraph]?
        var hunks: [Hunk]?
    }

    struct Supporter: Decodable {
        var account: Int64
        var name: String
        var group: String?
    }

    struct Amendment: Decodable {
        var number: Int
        var section: Int64
        var status: String
        var mergeable: Bool?
        var conflicting: Bool
        var group: String?
        var heading: String
        var body: String
        var rationale: String
        var reason: String?
        var baseRevision: Int
        var checkedRevision: Int?
        var acceptedRevision: Int?
        var collidesWith: [Int]
        var supporters: [Supporter]
        var diff: TextRedline
    }

    struct Collision: Decodable {
        var amendment: Int
        var author: String
        var group: String?
        var field: String
        var passage: String
        var start: Int
        var end: Int
    }

    struct Comment: Decodable {
        struct Anchor: Decodable {
            struct Current: Decodable {
                var revision: Int
                var start: Int?
                var end: Int?
                var text: String?
            }

            var start: Int
            var end: Int
            var revision: Int
            var quote: String
            var contextBefore: String
            var contextAfter: String
            var status: String
            var current: Current?
        }

        struct Reply: Decodable {
            var id: Int
            var body: String
            var group: String?
            var author: Person
        }

        var number: Int
        var section: Int64?
        var amendment: Int?
        var kind: String
        var body: String
        var group: String?
        var status: String
        var disposition: String?
        var response: String?
        var appliedRevision: Int?
        var suggestion: String?
        var anchor: Anchor?
        var replies: [Reply]
    }

    struct AppliedSuggestions: Decodable {
        var section: Int64
        var revision: Int
        var heading: String
        var body: String
        var comments: [Comment]
    }

    struct Matrix: Decodable {
        struct Row: Decodable {
            var number: Int
            var comment: String
            var kind: String
            var group: String?
            var author: String
            var section: String?
            var amendment: Int?
            var quote: String?
            var suggestion: String?
            var anchorStatus: String?
            var disposition: String?
            var response: String?
        }

        var columns: [String]
        var rows: [Row]
    }

    struct Draft: Decodable {
        struct Section: Decodable {
            var id: Int64
            var number: String
            var heading: String
            var revision: Int
            var body: String?
        }

        var number: Int
        var title: String
        var note: String?
        var sections: [Section]?
    }

    struct Comparison: Decodable {
        struct Section: Decodable {
            var id: Int64
            var changes: [String]
            var diff: [Paragraph]?
        }

        var from: Int
        var to: Int
        var summary: [String: Int]
        var sections: [Section]
    }

    struct Signoff: Decodable {
        var decision: String
        var group: String
        var note: String?
        var revision: Int?
        var by: Person
    }

    struct Signoffs: Decodable {
        struct GroupDecision: Decodable {
            var group: String
            var name: String
            var decision: String?
            var stale: Bool?
            var current: Signoff?
        }

        var allApprove: Bool
        var currentRevision: Int?
        var groups: [GroupDecision]
        var history: [Signoff]
    }

    struct Import: Decodable {
        var strategy: Strategy
        var unmapped: [String]
    }
}

extension TestResponse {
    /// The body as `type`; fails the test with the body's text when it does not decode.
    func decode<Body: Decodable>(_ type: Body.Type, sourceLocation: SourceLocation = #_sourceLocation) throws -> Body {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            Issue.record("\(status.code) \(text) is not a \(type): \(error)", sourceLocation: sourceLocation)
            throw error
        }
    }
}

extension Wire {
    /// `getSectionTranslation`'s answer.
    struct SectionTranslation: Decodable {
        struct Unit: Decodable {
            struct Piece: Decodable {
                var kind: String
                var text: String
            }

            var id: String
            var kind: String
            var status: String
            var source: String
            var text: String?
            var sourceRevision: Int?
            var translatedSource: String?
            var memory: String?
            var redline: [Piece]?
        }

        var section: Int64
        var language: String
        var sourceLanguage: String
        var sourceRevision: Int
        var revision: Int
        var units: [Unit]
    }

    /// `getTranslationStatus`'s answer.
    struct TranslationStatus: Decodable {
        struct Counts: Decodable, Equatable {
            var current: Int
            var outdated: Int
            var missing: Int
            var total: Int
        }

        struct Language: Decodable {
            var language: String
            var counts: Counts
        }

        var sourceLanguage: String
        var items: [Language]
    }
}
