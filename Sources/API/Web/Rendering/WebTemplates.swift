import Foundation
import Mustache

/// The interface's Mustache templates, parsed once at start. Each page template extends `layout`; every text
/// they print is escaped unless it comes from our own HTML formatters (`BodyHTML`, `RedlineHTML`), which escape
/// the text they wrap.
struct WebTemplates: Sendable {
    let library: MustacheLibrary

    static func load() throws -> WebTemplates {
        let directory = try WebResources.directory("templates")
        var library = MustacheLibrary()
        for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        where file.pathExtension == "mustache" {
            try library.register(String(contentsOf: file, encoding: .utf8), named: file.deletingPathExtension().lastPathComponent)
        }
        return WebTemplates(library: library)
    }

    func render(_ view: PageView, template: String) -> String {
        guard let html = library.render(TemplateValues.convert(view) ?? [:], withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        return html
    }
}
