import DocumentModel
import Foundation

/// A comment as the API shows it: the passage as quoted and where it stands now, the disposition and the thread.
struct CommentResponse: JSONWritable {
    var comment: Comment

    init(_ comment: Comment) { self.comment = comment }

    func write(to json: inout JSONWriter) {
        let c = comment
        json.object { json in
            json.field("amendment", c.amendment)
            json.key("anchor")
            if let anchor = c.anchor {
                json.object { json in
                    json.field("contextAfter", anchor.contextAfter)
                    json.field("contextBefore", anchor.contextBefore)
                    json.key("current")
                    json.object { json in
                        json.field("end", anchor.currentEnd)
                        json.field("revision", anchor.currentRevision)
                        json.field("start", anchor.currentStart)
                        json.field("text", anchor.currentText)
                    }
                    json.field("end", anchor.end)
                    json.field("quote", anchor.quote)
                    json.field("revision", anchor.revision)
                    json.field("start", anchor.start)
                    json.field("status", anchor.status.rawValue)
                }
            } else {
                json.null()
            }
            json.field("appliedRevision", c.appliedRevision)
            json.person("author", id: c.authorID, name: c.authorName)
            json.field("body", c.body)
            json.field("createdAt", c.createdAt)
            json.field("disposition", c.disposition?.rawValue)
            json.field("group", c.group)
            json.field("kind", c.kind.rawValue)
            json.field("number", c.number)
            json.key("replies")
            json.array(c.replies) { json, reply in
                json.object { json in
                    json.person("author", id: reply.authorID, name: reply.authorName)
                    json.field("body", reply.body)
                    json.field("createdAt", reply.createdAt)
                    json.field("group", reply.group)
                    json.field("id", reply.id)
                }
            }
            json.field("resolvedAt", c.resolvedAt)
            json.field("resolvedBy", c.resolvedBy)
            json.field("response", c.response)
            json.field("section", c.sectionID)
            json.field("status", c.isResolved ? "resolved" : "open")
            json.field("suggestion", c.suggestion)
        }
    }
}

/// The comment matrix as JSON: the same rows and columns as the CSV.
struct CommentMatrixResponse: JSONWritable {
    var rows: [CommentMatrixRow]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("columns")
            json.array(CommentMatrixRow.columns) { json, column in json.string(column) }
            json.key("rows")
            json.array(rows) { json, row in
                json.object { json in
                    json.field("amendment", row.amendment)
                    json.field("anchorStatus", row.anchorStatus?.rawValue)
                    json.field("author", row.author)
                    json.field("comment", row.comment)
                    json.field("disposition", row.disposition?.rawValue)
                    json.field("group", row.group)
                    json.field("kind", row.kind.rawValue)
                    json.field("number", row.number)
                    json.field("quote", row.quote)
                    json.field("response", row.response)
                    json.field("section", row.section)
                    json.field("suggestion", row.suggestion)
                }
            }
        }
    }
}

extension CommentMatrixRow {
    /// The row's cells in `columns` order, as text.
    var cells: [String] {
        [
            String(number), group ?? "", author, section ?? "", kind.rawValue, quote ?? amendment.map { "Amendment \($0)" } ?? "",
            comment, suggestion ?? "", disposition?.rawValue ?? "", response ?? "", anchorStatus?.rawValue ?? "",
        ]
    }
}

extension CommentMatrixRow {
    /// The matrix as CSV, a header row first: what `GET …/comments/matrix?format=csv` and the desk download.
    static func csv(_ rows: [CommentMatrixRow]) -> [UInt8] {
        var csv = CSVWriter()
        csv.record(columns)
        for row in rows { csv.record(row.cells) }
        return csv.bytes
    }
}
