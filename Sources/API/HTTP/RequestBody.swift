import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A JSON request body type that names every field it accepts, so that nothing else can be assigned.
protocol RequestBody: Decodable, Sendable {
    /// Top-level keys the client may send.
    static var fields: Set<String> { get }
    /// For fields holding objects (or arrays of objects), the keys those objects may have.
    static var nestedFields: [String: Set<String>] { get }
}

extension RequestBody {
    static var nestedFields: [String: Set<String>] { [:] }
}

/// Reads and checks a JSON body in a fixed order: size (413), media type (415), syntax (400), shape (422).
///
/// Controllers read bodies through `RequestPipeline.input`, so these refusals reach only callers who may act.
enum JSONBodyReader {
    /// Deeper nesting is refused before parsing, so no body can exhaust the parser's stack.
    static let maxDepth = 32

    /// For actions whose body is optional (`POST …/accept`): an empty body gives nil, anything else is read as usual.
    static func decodeIfPresent<Body: RequestBody>(
        _ type: Body.Type, from request: Request, context: AuthenticatedContext
    ) async throws -> Body? {
        let data = try await collect(request, limit: context.bodyLimit, channel: context.channel)
        if data.isEmpty { return nil }
        return try decode(type, data: data, contentType: request.headers[.contentType])
    }

    static func decode<Body: RequestBody>(_ type: Body.Type, from request: Request, context: AuthenticatedContext) async throws -> Body {
        let data = try await collect(request, limit: context.bodyLimit, channel: context.channel)
        return try decode(type, data: data, contentType: request.headers[.contentType])
    }

    static func decode<Body: RequestBody>(_ type: Body.Type, data: Data, contentType: String?) throws -> Body {
        guard isJSON(contentType) else { throw Problem.unsupportedMediaType("application/json") }
        switch StrictJSON.violation(in: data, maxDepth: maxDepth) {
        case nil: break
        case .notUTF8: throw Problem.badRequest("the body must be UTF-8")
        case .tooDeep: throw Problem.badRequest("the JSON body is nested too deeply")
        case .duplicateKey(let key): throw Problem.badRequest("the key \"\(key)\" appears twice in one object")
        case .syntax(let offset): throw Problem.badRequest("the body is not well-formed JSON (at byte \(offset))")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw Problem.badRequest("the body is not well-formed JSON")
        }
        guard let dictionary = object as? [String: Any] else {
            throw Problem.invalid(field: "", "the body must be a JSON object")
        }
        var errors: [FieldError] = []
        for key in dictionary.keys.sorted() where !Body.fields.contains(key) {
            errors.append(FieldError(field: key, message: "is not a field that can be set here"))
        }
        for (key, allowed) in Body.nestedFields {
            let nested: [[String: Any]]
            if let object = dictionary[key] as? [String: Any] {
                nested = [object]
            } else if let array = dictionary[key] as? [Any] {
                nested = array.compactMap { $0 as? [String: Any] }
            } else {
                nested = []
            }
            for object in nested {
                for nestedKey in object.keys.sorted() where !allowed.contains(nestedKey) {
                    errors.append(FieldError(field: "\(key)/\(nestedKey)", message: "is not a field that can be set here"))
                }
            }
        }
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        do {
            return try JSONCoding.decoder.decode(Body.self, from: data)
        } catch let error as DecodingError {
            // Foundation's decoder reports a number a field cannot hold (too large, or a fraction for an integer)
            // as "not valid JSON" with no path: find the field by taking values out until the error goes away.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                let field = numberCulprit(Body.self, in: dictionary)
            {
                throw Problem.invalid([FieldError(field: field, message: "must be a whole number within range")])
            }
            throw Problem.invalid([fieldError(error)])
        }
    }

    /// The path of the number that `Body` cannot hold (`position`, `anchor/start`): the one whose replacement by 1
    /// lets decoding get past the corruption. Only numbers are tried (not booleans, which Foundation also keeps as
    /// NSNumber), and replaced rather than removed, so no other field's error comes first. Only run on the error path.
    static func numberCulprit<Body: Decodable>(_ type: Body.Type, in dictionary: [String: Any]) -> String? {
        func isNumber(_ value: Any?) -> Bool {
            guard let number = value as? NSNumber else { return false }
            return String(cString: number.objCType) != "c"
        }
        func decodesPastCorruption(_ candidate: [String: Any]) -> Bool {
            guard let data = try? JSONSerialization.data(withJSONObject: candidate) else { return false }
            do {
                _ = try JSONCoding.decoder.decode(Body.self, from: data)
                return true
            } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
                return false
            } catch {
                return true
            }
        }
        for key in dictionary.keys.sorted() {
            if let nested = dictionary[key] as? [String: Any] {
                for nestedKey in nested.keys.sorted() where isNumber(nested[nestedKey]) {
                    var inner = nested
                    inner[nestedKey] = 1
                    var candidate = dictionary
                    candidate[key] = inner
                    if decodesPastCorruption(candidate) { return "\(key)/\(nestedKey)" }
                }
            }
            guard isNumber(dictionary[key]) else { continue }
            var candidate = dictionary
            candidate[key] = 1
            if decodesPastCorruption(candidate) { return key }
        }
        return nil
    }

    /// Collects at most `limit` bytes; a larger body is refused without being read further.
    /// The body, up to `limit` bytes: a declared length above it is refused before anything is read (and before
    /// a `100 Continue` invites the client to send it).
    static func collect(_ request: Request, limit: Int, channel: any Channel) async throws -> Data {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Problem.contentTooLarge(limit: limit)
        }
        ExpectContinue.sendIfExpected(request, on: channel)
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw Problem.contentTooLarge(limit: limit)
        }
    }

    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return mediaType == "application/json"
    }

    static func fieldError(_ error: DecodingError) -> FieldError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return FieldError(field: path(context.codingPath + [key]), message: "is required")
        case .typeMismatch(let type, let context):
            return FieldError(field: path(context.codingPath), message: "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return FieldError(field: path(context.codingPath), message: "must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            return FieldError(field: path(context.codingPath), message: "has an invalid value")
        @unknown default:
            return FieldError(field: "", message: "is invalid")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "a boolean"
        default: "a value of another type"
        }
    }
}
