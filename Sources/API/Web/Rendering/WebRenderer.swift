import DocumentModel
import Foundation
import Hummingbird

/// Turns a page's view model into an HTML response: the layout around it, the reader's words and the headers
/// every page carries.
struct WebRenderer: Sendable {
    let templates: WebTemplates
    let catalog: MessageCatalog
    let assets: WebAssets

    static func load() throws -> WebRenderer {
        WebRenderer(templates: try .load(), catalog: try .load(), assets: try .load())
    }

    func page(
        _ template: PageTemplate, title: String, _ view: Any, for visitor: WebVisitor, status: HTTPResponse.Status = .ok,
        notice: String? = nil
    ) -> Response {
        let chrome = PageView(
            t: visitor.messages.table, lang: visitor.messages.language,
            title: title + " – " + visitor.messages["appName"], csrf: visitor.csrfToken,
            stylesheet: assets.stylesheet.path, script: assets.script.path,
            user: visitor.account.map { PageView.User(name: $0.name, admin: $0.admin) }, notice: notice,
            languages: catalog.tags.map { tag in
                PageView.LanguageChoice(tag: tag, name: catalog[tag]?["languageName"] ?? tag, selected: tag == visitor.messages.language)
            },
            page: view
        )
        return Self.html(templates.render(chrome, template: template), status: status)
    }

    /// A part of a page without the layout, for the script's live updates: what changed, not the whole page again.
    func fragment(_ template: PageTemplate, _ view: Any, for visitor: WebVisitor) -> Response {
        let chrome = PageView(
            t: visitor.messages.table, lang: visitor.messages.language, title: "", csrf: visitor.csrfToken,
            stylesheet: assets.stylesheet.path, script: assets.script.path, user: nil, notice: nil, languages: [], page: view
        )
        return Self.html(templates.render(chrome, template: template))
    }

    /// A page; a 200 carries a strong tag of its bytes, so a reader who has it gets 304 (`ConditionalGetMiddleware`).
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        if status == .ok { headers[.eTag] = IfNoneMatch.tag(for: html.utf8) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A file to save (`Content-Disposition: attachment`).
    static func download(_ bytes: [UInt8], contentType: String, name: String, cacheControl: String = "no-store") -> Response {
        Response(
            status: .ok,
            headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: cacheControl],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    /// Post/Redirect/Get: after a form, the browser loads the result with GET (303 See Other).
    /// The path is written as a valid URI reference: what came from a form or a query (`next`, filters) and is
    /// not allowed in one is percent-encoded.
    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: Links.uriReference(path)])
    }
}
