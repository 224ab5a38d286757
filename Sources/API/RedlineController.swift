import DiffEngine
import DocumentModel
import Foundation
import Hummingbird

/// What changed in a section between two revisions: word or line granularity, as JSON, unified text or HTML.
struct RedlineController {
    let database: AppDatabase

    func register(in routes: RouteTable) {
        routes.add(.get, "/strategies/{strategy}/sections/{section}/diff", diff)
    }

    enum Granularity: String { case word, line }
    enum Format: String { case json, unified, html }

    @Sendable func diff(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let query = request.uri.queryParameters
        guard let fromText = query["from"] else { throw Problem.badRequest("from (a revision number) is required") }
        guard let from = Int(String(fromText)), from > 0 else { throw Problem.badRequest("from must be a revision number") }
        var to: Int?
        if let toText = query["to"] {
            guard let value = Int(String(toText)), value > 0 else { throw Problem.badRequest("to must be a revision number") }
            to = value
        }
        let granularity = try Self.option(query["granularity"].map(String.init), default: Granularity.word, name: "granularity")
        let format = try Self.option(query["format"].map(String.init), default: Format.json, name: "format")
        let (before, after) = try await database.revisionPair(strategyID: strategyID, sectionID: sectionID, from: from, to: to, for: account)

        switch (granularity, format) {
        case (.word, .json):
            let diff = ProseDiff(before: before.body, after: after.body)
            return JSONResponse.make(writing: SectionRedlineResponse(
                section: sectionID, from: before.number, to: after.number,
                heading: HeadingChange(before: before.heading, after: after.heading),
                content: .words(WordRedline(diff)), identical: diff.isIdentical && before.heading == after.heading
            ))
        case (.line, .json):
            let diff = LineDiff(before: before.body, after: after.body)
            return JSONResponse.make(writing: SectionRedlineResponse(
                section: sectionID, from: before.number, to: after.number,
                heading: HeadingChange(before: before.heading, after: after.heading),
                content: .lines(HunkBuilder.hunks(diff.script, context: 3).map { LineHunk($0, diff) }),
                identical: diff.isIdentical && before.heading == after.heading
            ))
        case (.word, .unified):
            // The heading travels as the text's first line, Markdown style, so a plain-text reader sees it change.
            let diff = ProseDiff(before: Self.document(before), after: Self.document(after))
            return Self.text(ProseTextFormatter.format(diff), type: "text/plain; charset=utf-8")
        case (.line, .unified):
            let diff = LineDiff(before: Self.document(before), after: Self.document(after))
            let labels = ("section-\(sectionID)@\(before.number)", "section-\(sectionID)@\(after.number)")
            let bytes = UnifiedFormatter.format(diff, context: 3, beforeLabel: labels.0, afterLabel: labels.1)
            return Self.text(String(decoding: bytes, as: UTF8.self), type: "text/x-diff; charset=utf-8")
        case (.word, .html):
            let diff = ProseDiff(before: before.body, after: after.body)
            let heading = ProseHTMLFormatter.format(ProseDiff(before: before.heading, after: after.heading))
            return Self.text(Self.headingHTML(heading) + ProseHTMLFormatter.format(diff), type: "text/html; charset=utf-8")
        case (.line, .html):
            return Self.text(Self.lineHTML(before: before, after: after), type: "text/html; charset=utf-8")
        }
    }

    static func option<Value: RawRepresentable>(_ text: String?, default value: Value, name: String) throws -> Value
    where Value.RawValue == String {
        guard let text else { return value }
        guard let parsed = Value(rawValue: text) else { throw Problem.badRequest("\(name) '\(text)' is not supported") }
        return parsed
    }

    static func document(_ revision: Revision) -> String { "# " + revision.heading + "\n\n" + revision.body }

    static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The heading redline's single paragraph, as an `<h2>`.
    static func headingHTML(_ fragment: String) -> String {
        let inner = fragment.replacingOccurrences(of: "<div class=\"redline\">\n<p>", with: "")
            .replacingOccurrences(of: "</p>\n</div>\n", with: "")
        return "<h2 class=\"redline-heading\">" + inner + "</h2>\n"
    }

    /// Lines as a `<pre>` with whole deleted and inserted lines marked.
    static func lineHTML(before: Revision, after: Revision) -> String {
        let diff = LineDiff(before: document(before), after: document(after))
        var out = "<pre class=\"redline\">"
        func line(_ bytes: ArraySlice<UInt8>) -> String {
            ProseHTMLFormatter.escape(String(decoding: bytes, as: UTF8.self)).replacingOccurrences(of: "<br>", with: "\n")
        }
        for edit in diff.script.edits {
            switch edit.kind {
            case .equal: for i in edit.before { out += line(diff.beforeLine(i)) }
            case .delete: for i in edit.before { out += "<del>" + line(diff.beforeLine(i)) + "</del>" }
            case .insert, .move: for j in edit.after { out += "<ins>" + line(diff.afterLine(j)) + "</ins>" }
            }
        }
        return out + "</pre>\n"
    }
}

struct SectionRedlineResponse: JSONWritable {
    enum Content: Sendable {
        case words(WordRedline)
        case lines([LineHunk])
    }

    var section: Int64
    var from: Int
    var to: Int
    var heading: HeadingChange
    var content: Content
    var identical: Bool

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("from", from)
            switch content {
            case .words: json.field("granularity", "word")
            case .lines: json.field("granularity", "line")
            }
            json.key("heading")
            heading.write(to: &json)
            if case .lines(let hunks) = content {
                json.key("hunks")
                json.array(hunks) { json, hunk in hunk.write(to: &json) }
            }
            json.field("identical", identical)
            if case .words(let redline) = content {
                json.key("paragraphs")
                redline.write(to: &json)
            }
            json.field("section", section)
            json.field("to", to)
        }
    }
}

/// A hunk of a line diff: where it sits on both sides (1-based starts) and its lines.
struct LineHunk: JSONWritable {
    var beforeStart: Int
    var beforeCount: Int
    var afterStart: Int
    var afterCount: Int
    var lines: [(kind: String, text: String)]

    init(_ hunk: Hunk, _ diff: LineDiff) {
        beforeStart = hunk.before.lowerBound + 1
        beforeCount = hunk.before.count
        afterStart = hunk.after.lowerBound + 1
        afterCount = hunk.after.count
        var lines: [(kind: String, text: String)] = []
        for edit in hunk.edits {
            switch edit.kind {
            case .equal: for i in edit.before { lines.append(("equal", String(decoding: diff.beforeLine(i), as: UTF8.self))) }
            case .delete: for i in edit.before { lines.append(("delete", String(decoding: diff.beforeLine(i), as: UTF8.self))) }
            case .insert, .move: for j in edit.after { lines.append(("insert", String(decoding: diff.afterLine(j), as: UTF8.self))) }
            }
        }
        self.lines = lines
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("afterCount", afterCount)
            json.field("afterStart", afterStart)
            json.field("beforeCount", beforeCount)
            json.field("beforeStart", beforeStart)
            json.key("lines")
            json.array(lines) { json, line in
                json.object { json in
                    json.field("kind", line.kind)
                    json.field("text", line.text)
                }
            }
        }
    }
}
