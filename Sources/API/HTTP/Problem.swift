import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem: the one shape every error response of the service takes.
public struct Problem: Error, Sendable {
    public var status: HTTPResponse.Status
    /// The last part of the problem's `type` URI, e.g. `precondition-failed`; nil gives `about:blank`.
    public var slug: String?
    public var title: String
    public var detail: String
    /// Extension members such as `currentRevision`, `phase` or `errors`.
    public var extensions: [String: ProblemValue] = [:]
    public var headers: HTTPFields = [:]

    public init(status: HTTPResponse.Status, slug: String?, title: String, detail: String) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
    }

    /// The response; `type` is `baseURI` (`APIConfiguration.problemBaseURI`) followed by the slug.
    func response(baseURI: String) -> Response {
        var object: [String: ProblemValue] = extensions
        object["type"] = .string(slug.map { baseURI + $0 } ?? "about:blank")
        object["title"] = .string(title)
        object["status"] = .int(Int(status.code))
        object["detail"] = .string(detail)
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        var json = JSONWriter(capacity: 256)
        json.object { json in
            for key in object.keys.sorted(by: JSONWriter.precedes) {
                json.key(key)
                object[key]!.write(to: &json)
            }
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }
}

/// A JSON value for problem extension members.
public enum ProblemValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case strings([String])
    case ints([Int])
    case fieldErrors([FieldError])
    case conflicts([MergeConflict])

    func write(to json: inout JSONWriter) {
        switch self {
        case .string(let value): json.string(value)
        case .int(let value): json.int(value)
        case .bool(let value): json.bool(value)
        case .strings(let values): json.array(values) { json, value in json.string(value) }
        case .ints(let values): json.array(values) { json, value in json.int(value) }
        case .fieldErrors(let errors):
            json.array(errors) { json, error in
                json.object { json in
                    json.field("field", error.field)
                    json.field("message", error.message)
                }
            }
        case .conflicts(let conflicts):
            json.array(conflicts) { json, conflict in
                json.object { json in
                    json.field("base", conflict.base)
                    json.field("current", conflict.current)
                    json.field("currentEnd", conflict.currentEnd)
                    json.field("currentStart", conflict.currentStart)
                    json.field("field", conflict.field)
                    json.field("proposed", conflict.proposed)
                }
            }
        }
    }
}

extension Problem {
    static func badRequest(_ detail: String) -> Problem {
        Problem(status: .badRequest, slug: "bad-request", title: "Bad request", detail: detail)
    }

    static func unauthorized() -> Problem {
        var problem = Problem(
            status: .unauthorized, slug: "unauthorized", title: "Unauthorized",
            detail: "a valid bearer token is required"
        )
        problem.headers[.wwwAuthenticate] = "Bearer realm=\"strategy\""
        return problem
    }

    static func notFound(_ what: String = "resource") -> Problem {
        Problem(status: .notFound, slug: "not-found", title: "Not found", detail: "no such \(what)")
    }

    static func invalid(_ errors: [FieldError]) -> Problem {
        var problem = Problem(
            status: .unprocessableContent, slug: "validation", title: "Invalid request body",
            detail: errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        )
        problem.extensions["errors"] = .fieldErrors(errors)
        return problem
    }

    static func invalid(field: String, _ message: String) -> Problem {
        invalid([FieldError(field: field, message: message)])
    }

    static func contentTooLarge(limit: Int) -> Problem {
        Problem(
            status: .contentTooLarge, slug: "content-too-large", title: "Content too large",
            detail: "the request body exceeds \(limit) bytes"
        )
    }

    static func unsupportedMediaType(_ expected: String) -> Problem {
        Problem(
            status: .unsupportedMediaType, slug: "unsupported-media-type", title: "Unsupported media type",
            detail: "the request body must be \(expected)"
        )
    }

    static func internalError() -> Problem {
        Problem(
            status: .internalServerError, slug: nil, title: "Internal server error",
            detail: "the request could not be completed; it has been logged"
        )
    }

    /// The problem a domain refusal becomes; the single mapping from domain errors to HTTP.
    init(_ error: DocumentModelError) {
        switch error {
        case .notFound(let what):
            self = .notFound(what)
        case .forbidden(let detail):
            self.init(status: .forbidden, slug: "forbidden", title: "Forbidden", detail: detail)
        case .phaseForbids(let phase, let action):
            self.init(
                status: .conflict, slug: "phase", title: "Not allowed in this phase",
                detail: "the strategy is in phase '\(phase.rawValue)', which does not allow \(action)"
            )
            extensions["phase"] = .string(phase.rawValue)
        case .conflict(let detail):
            self.init(status: .conflict, slug: "conflict", title: "Conflict", detail: detail)
        case .preconditionFailed(let current):
            self.init(
                status: .preconditionFailed, slug: "precondition-failed", title: "Precondition failed",
                detail: "the section has changed: its current revision is \(current)"
            )
            extensions["currentRevision"] = .int(current)
            headers[.eTag] = "\"\(current)\""
        case .invalid(let errors):
            self = .invalid(errors)
        case .mergeConflict(let current, let conflicts):
            self.init(
                status: .conflict, slug: "merge-conflict", title: "Merge conflict",
                detail: "\(conflicts.count) passage(s) were changed both in the current text (revision \(current)) and by the "
                    + "amendment; nothing was written. Accept again with a resolved text and If-Match: \"\(current)\"."
            )
            extensions["conflicts"] = .conflicts(conflicts)
            extensions["currentRevision"] = .int(current)
        case .overlappingSuggestions(let numbers):
            self.init(
                status: .conflict, slug: "overlapping-suggestions", title: "Overlapping suggestions",
                detail: "the suggestions of comments \(numbers.map(String.init).joined(separator: ", ")) replace overlapping "
                    + "passages, so they cannot be applied in one revision; nothing was written"
            )
            extensions["comments"] = .ints(numbers)
        case .notApproved(let draft, let groups):
            self.init(
                status: .conflict, slug: "not-approved", title: "Not approved by every group",
                detail: "draft \(draft) cannot be adopted: \(groups.joined(separator: ", ")) \(groups.count == 1 ? "has" : "have") not approved it"
            )
            extensions["groups"] = .strings(groups)
            extensions["draft"] = .int(draft)
        case .translationsIncomplete(let draft, let languages):
            self.init(
                status: .conflict, slug: "translations-incomplete", title: "Translations not complete",
                detail: "draft \(draft) cannot be adopted before every translation is current; outdated or missing: "
                    + languages.joined(separator: "; ")
            )
            extensions["languages"] = .strings(languages)
            extensions["draft"] = .int(draft)
        case .busy(let retryAfter):
            self.init(
                status: .serviceUnavailable, slug: "busy", title: "Busy",
                detail: "too many exports, imports and comparisons are running; try again in \(retryAfter) s"
            )
            headers[.retryAfter] = String(retryAfter)
        }
    }
}
