import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// What a refused page says: the status, a heading and a sentence in the reader's language, and headers. A
/// domain refusal takes its status from the API's one table (`Problem.init(_: DocumentModelError)`) and its words
/// from the catalog's `problem_<slug>` keys, so a page and the API always agree, and a person never reads a
/// Swift value. The domain's own English sentences (`conflict`'s reason, `forbidden`'s rule) are shown through
/// the catalog, which translates one by giving its English text as a key.
struct PageProblem {
    let status: HTTPResponse.Status
    let heading: String
    let message: String
    var headers: HTTPFields = [:]

    /// The page for `error`; nil for errors that are not a refusal (the caller logs them and apologises).
    init?(_ error: any Error, messages t: Messages) {
        switch error {
        case let error as DocumentModelError:
            self.init(domain: error, messages: t)
        case WebError.formExpired: self.init(.forbidden, t["errorFormExpiredTitle"], t["errorFormExpired"])
        case WebError.badForm: self.init(.badRequest, t["errorBadFormTitle"], t["errorBadForm"])
        case WebError.notAForm: self.init(.unsupportedMediaType, t["errorBadFormTitle"], t["errorNotAForm"])
        case WebError.formTooLarge(let limit):
            self.init(.contentTooLarge, t["errorFormTooLargeTitle"], t.format("errorFormTooLarge", ["size": Self.size(limit)]))
        case is NIOTooManyBytesError:
            self.init(.contentTooLarge, t["errorFormTooLargeTitle"], t.format("errorFormTooLarge", ["size": "?"]))
        case WebError.throttled(let seconds):
            self.init(
                .tooManyRequests, t["errorThrottledTitle"], t.format("errorThrottled", ["minutes": "\(max(1, (seconds + 59) / 60))"])
            )
            headers[.retryAfter] = "\(seconds)"
        case let problem as Problem where problem.status == .notFound:
            self.init(.notFound, t["errorNotFoundTitle"], t["errorNotFound"])
        case let problem as Problem where problem.status.code < 500:
            self.init(problem.status, t["errorBadRequestTitle"], problem.detail)
            headers = problem.headers
        case let error as HTTPError where error.status.code < 500:
            self.init(error.status, t["errorBadRequestTitle"], error.body ?? t["errorBadRequest"])
        default:
            return nil
        }
    }

    init(_ status: HTTPResponse.Status, _ heading: String, _ message: String) {
        self.status = status
        self.heading = heading
        self.message = message
    }

    /// A domain refusal: the API's status and headers, the catalog's words for its kind.
    init(domain error: DocumentModelError, messages t: Messages) {
        let problem = Problem(error)
        let slug = problem.slug ?? "conflict"
        let arguments: [String: String]
        switch error {
        case .notFound: arguments = [:]
        case .forbidden(let rule), .conflict(let rule): arguments = ["reason": t.table[rule] ?? rule]
        case .phaseForbids(let phase, _): arguments = ["phase": t["phase_" + phase.rawValue]]
        case .preconditionFailed(let current): arguments = ["revision": "\(current)"]
        case .invalid(let errors):
            arguments = ["reasons": errors.map { "\($0.field): \(t.table[$0.message] ?? $0.message)" }.joined(separator: "; ")]
        case .mergeConflict(let current, let conflicts): arguments = ["revision": "\(current)", "count": "\(conflicts.count)"]
        case .overlappingSuggestions(let numbers): arguments = ["comments": numbers.map(String.init).joined(separator: ", ")]
        case .notApproved(let draft, let groups): arguments = ["draft": "\(draft)", "groups": groups.joined(separator: ", ")]
        case .translationsIncomplete(let draft, let languages):
            arguments = ["draft": "\(draft)", "languages": languages.joined(separator: "; ")]
        case .busy: arguments = [:]
        }
        let message =
            if case .mergeConflict(_, let conflicts) = error {
                t.plural("problem_\(slug)", count: conflicts.count, arguments)
            } else {
                t.format("problem_\(slug)", arguments)
            }
        self.init(problem.status, t["problem_\(slug)_title"], message)
        headers = problem.headers
        headers[.eTag] = nil
    }

    /// `4 MiB`, `16 KiB`: a limit as a person reads it.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(max(1, bytes >> 10)) KiB"
    }
}
