import Foundation
import Testing
import Yams

@testable import API

/// The OpenAPI document read with a real YAML parser: every operation can be named, answers the statuses its
/// shape implies, declares the parameters its path has, and its links lead to operations that exist.
@Suite struct OpenAPIDocumentTests {
    struct Operation {
        let method: String
        let path: String
        let body: [String: Any]
        /// The path item's own parameters, which every operation under it shares.
        let shared: [Any]
        var name: String { "\(method.uppercased()) \(path)" }
    }

    static let methods = ["get", "put", "post", "patch", "delete"]

    static func document() throws -> [String: Any] {
        let text = String(decoding: try OpenAPIDocument.load(), as: UTF8.self)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    static func operations(_ document: [String: Any]) throws -> [Operation] {
        let paths = try #require(document["paths"] as? [String: Any])
        return paths.flatMap { path, item -> [Operation] in
            let item = item as? [String: Any] ?? [:]
            return methods.compactMap { method in
                (item[method] as? [String: Any]).map {
                    Operation(method: method, path: path, body: $0, shared: item["parameters"] as? [Any] ?? [])
                }
            }
        }
    }

    /// `#/components/parameters/x` resolved, so that a parameter's name and place can be read.
    static func resolve(_ parameter: Any, in document: [String: Any]) -> [String: Any] {
        guard let parameter = parameter as? [String: Any] else { return [:] }
        guard let reference = parameter["$ref"] as? String else { return parameter }
        let name = reference.split(separator: "/").last.map(String.init) ?? ""
        let components = document["components"] as? [String: Any]
        return (components?["parameters"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }

    @Test func everyOperationHasAUniqueOperationId() throws {
        let operations = try Self.operations(Self.document())
        let ids = operations.compactMap { $0.body["operationId"] as? String }
        #expect(ids.count == operations.count, "without operationId: \(operations.filter { $0.body["operationId"] == nil }.map(\.name))")
        #expect(Set(ids).count == ids.count)
        #expect(operations.count > 50)
    }

    @Test func everyOperationDocumentsTheStatusesItsShapeImplies() throws {
        let document = try Self.document()
        for operation in try Self.operations(document) {
            let statuses = Set((operation.body["responses"] as? [String: Any] ?? [:]).keys)
            let isPublic = (operation.body["security"] as? [Any])?.isEmpty == true
            var expected: Set<String> = []
            if !isPublic { expected.insert("401") }
            if operation.path.contains("{") { expected.insert("404") }
            let content = (operation.body["requestBody"] as? [String: Any])?["content"] as? [String: Any]
            if content?["application/json"] != nil { expected.formUnion(["400", "413", "415", "422"]) }
            #expect(expected.isSubset(of: statuses), "\(operation.name) lacks \(expected.subtracting(statuses).sorted())")
            #expect(statuses.contains { $0.hasPrefix("2") }, "\(operation.name) has no success")
        }
    }

    @Test func everyPathParameterIsDeclaredAsAnInt64OrAToken() throws {
        let document = try Self.document()
        for operation in try Self.operations(document) {
            let parameters = (operation.shared + (operation.body["parameters"] as? [Any] ?? [])).map { Self.resolve($0, in: document) }
            let declared = Set(parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
            let inPath = Set(operation.path.split(separator: "{").dropFirst().map { String($0.prefix { $0 != "}" }) })
            #expect(declared == inPath, "\(operation.name): declared \(declared.sorted()), path has \(inPath.sorted())")
            for parameter in parameters where parameter["in"] as? String == "path" {
                let schema = parameter["schema"] as? [String: Any] ?? [:]
                if schema["type"] as? String == "integer" {
                    #expect(schema["format"] as? String == "int64", "\(operation.name): \(parameter["name"] ?? "")")
                }
            }
        }
    }

    @Test func linksLeadToOperationsThatExistWithTheirParameters() throws {
        let document = try Self.document()
        let operations = try Self.operations(document)
        let byID = Dictionary(uniqueKeysWithValues: operations.compactMap { op in (op.body["operationId"] as? String).map { ($0, op) } })
        var links = 0
        for operation in operations {
            for case let (_, response as [String: Any]) in operation.body["responses"] as? [String: Any] ?? [:] {
                for case let (name, link as [String: Any]) in response["links"] as? [String: Any] ?? [:] {
                    links += 1
                    let target = try #require(byID[link["operationId"] as? String ?? ""], "\(operation.name) → \(name)")
                    let parameters = Set((link["parameters"] as? [String: Any] ?? [:]).keys)
                    let inPath = Set(target.path.split(separator: "{").dropFirst().map { String($0.prefix { $0 != "}" }) })
                    #expect(parameters == inPath, "\(operation.name) → \(name)")
                }
            }
        }
        #expect(links > 20)
    }

    @Test func everyRequestBodyAndSuccessfulJSONAnswerHasAnExample() throws {
        let document = try Self.document()
        let components = document["components"] as? [String: Any]
        let sharedResponses = components?["responses"] as? [String: Any] ?? [:]
        func hasExample(_ content: Any?) -> Bool {
            guard let content = content as? [String: Any] else { return false }
            return content["example"] != nil || content["examples"] != nil
        }
        for operation in try Self.operations(document) {
            let request = (operation.body["requestBody"] as? [String: Any])?["content"] as? [String: Any] ?? [:]
            for (mediaType, content) in request {
                #expect(hasExample(content), "\(operation.name): no example for its \(mediaType) request")
            }
            for case let (status, response as [String: Any]) in operation.body["responses"] as? [String: Any] ?? [:]
            where status.hasPrefix("2") {
                var resolved = response
                if let reference = response["$ref"] as? String, let name = reference.split(separator: "/").last {
                    resolved = sharedResponses[String(name)] as? [String: Any] ?? [:]
                }
                let json = (resolved["content"] as? [String: Any])?["application/json"]
                if json != nil { #expect(hasExample(json), "\(operation.name): no example for its \(status)") }
            }
        }
    }
}
