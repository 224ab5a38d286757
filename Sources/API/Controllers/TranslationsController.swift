import DiffEngine
import DocumentModel
import Foundation
import Hummingbird

/// Translations of a strategy's sections into its target languages.
struct TranslationsController {
    let database: AppDatabase
    /// The largest XLIFF file an import reads (the DocBook import's limit).
    let importLimit: Int
    static let xliffType = "application/x-xliff+xml"

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/translations", method: .get, use: status)
        routes.on("/strategies/{strategy}/sections/{section}/translation", method: .get, use: get)
        routes.on("/strategies/{strategy}/sections/{section}/translation", method: .put, use: update)
        routes.on("/strategies/{strategy}/sections/{section}/translation/revisions", method: .get, use: revisions)
        routes.on("/strategies/{strategy}/translations/{lang}/xliff", method: .get, use: exportXLIFF)
        routes.on("/strategies/{strategy}/translations/{lang}/xliff", method: .post, use: importXLIFF)
        return routes
    }

    @Sendable func status(request: Request, context: AuthenticatedContext) async throws -> Response {
        let status = try await database.translationStatus(strategyID: try context.parameters.id("strategy"), for: context.account)
        return JSONResponse.make(TranslationStatusResponse(status: status))
    }

    @Sendable func get(request: Request, context: AuthenticatedContext) async throws -> Response {
        let language = try Self.language(request)
        let translation = try await database.sectionTranslation(
            strategyID: try context.parameters.id("strategy"), sectionID: try context.parameters.id("section"), language: language,
            for: context.account
        )
        let response = JSONResponse.make(
            SectionTranslationResponse(translation: translation), headers: [.eTag: JSONResponse.eTag(translation.revision)])
        return IfNoneMatch.notModified(request, response: response) ?? response
    }

    @Sendable func update(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let (language, ifMatch, body) = try await RequestPipeline.input(checking: .strategy(strategyID, .translate, in: database, for: account)) {
            (
                try Self.language(request), try IfMatch.revision(request, resource: "a translation"),
                try await JSONBodyReader.decode(UpdateTranslationRequest.self, from: request, context: context)
            )
        }
        let translation = try await database.updateSectionTranslation(
            strategyID: strategyID, sectionID: try context.parameters.id("section"), language: language, ifMatch: ifMatch,
            units: body.units.map { UnitTranslationInput(id: $0.id, text: $0.text, sourceRevision: $0.sourceRevision) }, by: account
        )
        return JSONResponse.make(SectionTranslationResponse(translation: translation), headers: [.eTag: JSONResponse.eTag(translation.revision)])
    }

    @Sendable func revisions(request: Request, context: AuthenticatedContext) async throws -> Response {
        let revisions = try await database.translationRevisions(
            strategyID: try context.parameters.id("strategy"), sectionID: try context.parameters.id("section"),
            language: try Self.language(request), for: context.account
        )
        return JSONResponse.make(ListPage(items: revisions.map(TranslationRevisionResponse.init), nextCursor: nil))
    }

    @Sendable func exportXLIFF(request: Request, context: AuthenticatedContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let language = context.parameters.get("lang") ?? ""
        let bytes = try await database.exportXLIFF(strategyID: strategyID, language: language, for: context.account)
        let name = "strategy-\(strategyID)-\(LanguageTag.canonical(language) ?? "translation").xlf"
        return Response(
            status: .ok,
            headers: [.contentType: Self.xliffType, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    @Sendable func importXLIFF(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let language = context.parameters.get("lang") ?? ""
        let data = try await RequestPipeline.input(checking: .strategy(strategyID, .translate, in: database, for: account)) {
            let data = try await JSONBodyReader.collect(request, limit: importLimit, channel: context.channel)
            guard Self.isXLIFF(request.headers[.contentType]) else { throw Problem.unsupportedMediaType(Self.xliffType) }
            return data
        }
        do {
            let report = try await database.importXLIFF(Array(data), strategyID: strategyID, language: language, limit: importLimit, by: account)
            return JSONResponse.make(XLIFFReportResponse(report: report))
        } catch XLIFFError.tooLarge(let limit) {
            throw Problem.contentTooLarge(limit: limit)
        } catch XLIFFError.invalid(let message) {
            throw Problem(status: .unprocessableContent, slug: "not-xliff", title: "Not an XLIFF file of this strategy", detail: message)
        }
    }

    static func isXLIFF(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return [xliffType, "application/xliff+xml", "application/xml", "text/xml"].contains(mediaType ?? "")
    }

    /// The `lang` query parameter, which every translation request names.
    static func language(_ request: Request) throws -> String {
        guard let language = request.uri.queryParameters["lang"].map(String.init), !language.isEmpty else {
            throw Problem.invalid(field: "lang", "is required: one of the strategy's translations (such as sq or sr-Latn)")
        }
        return language
    }
}

struct TranslationRevisionResponse: JSONWritable {
    var revision: TranslationRevision

    init(_ revision: TranslationRevision) { self.revision = revision }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.person("author", id: revision.authorID, name: revision.authorName)
            json.field("createdAt", revision.createdAt)
            json.field("number", revision.number)
            json.field("origin", revision.origin.rawValue)
            json.field("sourceRevision", revision.sourceRevision)
            json.field("units", revision.units)
        }
    }
}

struct XLIFFReportResponse: JSONWritable {
    var report: XLIFFImportReport

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("refused")
            json.array(report.refused) { json, refusal in
                json.object { json in
                    json.field("id", refusal.id)
                    json.field("reason", refusal.reason)
                }
            }
            json.field("revisions", report.revisions)
            json.field("saved", report.saved)
            json.field("unchanged", report.unchanged)
        }
    }
}

struct UpdateTranslationRequest: RequestBody {
    struct Unit: Decodable, Sendable {
        var id: String
        var text: String
        var sourceRevision: Int
    }

    static let fields: Set<String> = ["units"]
    static let nestedFields: [String: Set<String>] = ["units": ["id", "text", "sourceRevision"]]
    var units: [Unit]
}

struct TranslationCountsJSON: JSONWritable {
    var counts: TranslationCounts

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("current", counts.current)
            json.field("missing", counts.missing)
            json.field("outdated", counts.outdated)
            json.field("total", counts.total)
        }
    }
}

/// The status: each language's totals and its counts per section (flat: a strategy of 200 sections in three
/// languages answers 400 of them), and the sections' numbers and headings once.
struct TranslationStatusResponse: JSONWritable {
    var status: TranslationStatus

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("items")
            json.array(status.languages) { json, language in
                json.object { json in
                    json.key("counts")
                    TranslationCountsJSON(counts: language.counts).write(to: &json)
                    json.field("language", language.language)
                    json.key("sections")
                    json.array(language.sections) { json, section in
                        json.object { json in
                            json.field("current", section.counts.current)
                            json.field("missing", section.counts.missing)
                            json.field("outdated", section.counts.outdated)
                            json.field("section", section.id)
                        }
                    }
                }
            }
            json.key("sections")
            json.array(status.languages.first?.sections ?? []) { json, section in
                json.object { json in
                    json.field("heading", section.heading)
                    json.field("id", section.id)
                    json.field("number", section.number)
                }
            }
            json.field("sourceLanguage", status.sourceLanguage)
        }
    }
}

struct SectionTranslationResponse: JSONWritable {
    var translation: SectionTranslation

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("counts")
            TranslationCountsJSON(
                counts: TranslationCounts(
                    current: translation.count(.current), outdated: translation.count(.outdated), missing: translation.count(.missing)
                )
            ).write(to: &json)
            json.field("language", translation.language)
            json.field("revision", translation.revision)
            json.field("section", translation.sectionID)
            json.field("sourceLanguage", translation.sourceLanguage)
            json.field("sourceRevision", translation.sourceRevision)
            json.key("units")
            json.array(translation.units) { json, unit in
                json.object { json in
                    json.field("id", unit.id)
                    json.field("kind", unit.kind)
                    if let memory = unit.memory { json.field("memory", memory) }
                    if let changes = unit.sourceChanges {
                        json.key("redline")
                        json.array(changes.operations) { json, operation in
                            json.object { json in
                                json.field("kind", operation.kind.rawValue)
                                json.field("text", operation.text)
                            }
                        }
                    }
                    json.field("source", unit.source)
                    json.field("sourceRevision", unit.sourceRevision)
                    json.field("status", unit.state.rawValue)
                    json.field("text", unit.text)
                    json.field("translatedSource", unit.translatedSource)
                }
            }
            json.field("updatedAt", translation.updatedAt)
            if let updatedBy = translation.updatedBy { json.field("updatedBy", updatedBy) } else { json.field("updatedBy", nil as Int64?) }
        }
    }
}
