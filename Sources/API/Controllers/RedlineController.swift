import DiffEngine
import DocumentModel
import Foundation
import Hummingbird

/// What changed in a section between two revisions: word or line granularity, as JSON, unified text or HTML.
struct RedlineController {
    let database: AppDatabase

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/sections/{section}/diff", method: .get, use: diff)
        return routes
    }

    enum Format: String { case json, unified, html }

    @Sendable func diff(request: Request, context: AuthenticatedContext) async throws -> Response {
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
        let granularity = try Self.option(query["granularity"].map(String.init), default: SectionRedline.Granularity.word, name: "granularity")
        let format = try Self.option(query["format"].map(String.init), default: Format.json, name: "format")
        // JSON and the word HTML show the heading apart from the body; the text forms and the line HTML carry it as
        // the text's first line.
        let text: SectionRedline.Text =
            switch (granularity, format) {
            case (_, .json), (.word, .html): .body
            case (_, .unified), (.line, .html): .document
            }
        let redline = try await database.redline(
            strategyID: strategyID, sectionID: sectionID, from: from, to: to, granularity: granularity, text: text,
            for: context.account
        )
        switch (redline.changes, format) {
        case (_, .json):
            return JSONResponse.make(SectionRedlineResponse(redline))
        case (.words(let diff), .unified):
            return Self.text(ProseTextFormatter.format(diff), type: "text/plain; charset=utf-8")
        case (.lines(let diff), .unified):
            let labels = ("section-\(sectionID)@\(redline.before.number)", "section-\(sectionID)@\(redline.after.number)")
            let bytes = UnifiedFormatter.format(diff, context: 3, beforeLabel: labels.0, afterLabel: labels.1)
            return Self.text(String(decoding: bytes, as: UTF8.self), type: "text/x-diff; charset=utf-8")
        case (.words(let diff), .html):
            let heading = redline.heading.map(ProseHTMLFormatter.formatInline) ?? ""
            return Self.text(
                "<h2 class=\"redline-heading\">" + heading + "</h2>\n" + ProseHTMLFormatter.format(diff),
                type: "text/html; charset=utf-8"
            )
        case (.lines(let diff), .html):
            return Self.text(Self.lineHTML(diff), type: "text/html; charset=utf-8")
        }
    }

    static func option<Value: RawRepresentable>(_ text: String?, default value: Value, name: String) throws -> Value
    where Value.RawValue == String {
        guard let text else { return value }
        guard let parsed = Value(rawValue: text) else { throw Problem.badRequest("\(name) '\(text)' is not supported") }
        return parsed
    }

    static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Lines as a `<pre>` with whole deleted and inserted lines marked.
    static func lineHTML(_ diff: LineDiff) -> String {
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

    init(_ redline: SectionRedline) {
        section = redline.sectionID
        from = redline.before.number
        to = redline.after.number
        heading = HeadingChange(before: redline.before.heading, after: redline.after.heading)
        switch redline.changes {
        case .words(let diff): content = .words(WordRedline(diff))
        case .lines(let diff): content = .lines(HunkBuilder.hunks(diff.script, context: 3).map { LineHunk($0, diff) })
        }
        identical = redline.identical
    }

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
