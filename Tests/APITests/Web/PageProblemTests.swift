import DocumentModel
import Foundation
import Testing

@testable import API

/// A refused page says what happened in the reader's words: every DocumentModel error has a heading and a
/// message in the catalog, and no page shows a Swift value.
@Suite struct PageProblemTests {
    /// One error of every kind. The switch has no default: a new case of `DocumentModelError` does not compile
    /// until it is added here, and then this test asks the catalog for its words.
    static func sample(of error: DocumentModelError) -> DocumentModelError {
        switch error {
        case .notFound, .forbidden, .phaseForbids, .conflict, .preconditionFailed, .invalid, .mergeConflict, .overlappingSuggestions,
            .notApproved, .translationsIncomplete, .busy:
            error
        }
    }

    static let errors: [DocumentModelError] = [
        .notFound("strategy"), .forbidden("support for an amendment comes from groups other than its author's"),
        .phaseForbids(phase: .adopted, action: "comments"), .conflict("this link has been used already"),
        .preconditionFailed(currentRevision: 3), .invalid([FieldError(field: "body", message: "must not be empty")]),
        .mergeConflict(currentRevision: 4, conflicts: []), .overlappingSuggestions([1, 2]), .notApproved(draft: 1, groups: ["industry"]),
        .translationsIncomplete(draft: 2, languages: ["sq (1.2, 3)"]), .busy(retryAfter: 1),
    ].map(sample)

    @Test(arguments: errors)
    func everyDomainErrorHasItsWordsInTheCatalog(_ error: DocumentModelError) throws {
        let english = try MessageCatalog.load().messages(account: nil, acceptLanguage: "en")
        let slug = try #require(Problem(error).slug)
        #expect(english.table["problem_\(slug)_title"] != nil, "problem_\(slug)_title")
        #expect(english.table["problem_\(slug)"] != nil, "problem_\(slug)")
        let page = PageProblem(domain: error, messages: english)
        #expect(page.status == Problem(error).status)
        for leak in ["{", "DocumentModelError", "Optional(", "currentRevision", "FieldError", "[\""] {
            #expect(!page.message.contains(leak), "\(page.message)")
        }
        #expect(!page.heading.isEmpty && !page.message.isEmpty)
    }
}
