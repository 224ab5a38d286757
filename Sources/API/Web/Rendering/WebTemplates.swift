import Foundation
import Mustache

/// The pages of the interface, one template each in `Resources/Web/templates/pages` (named by the raw value).
/// A controller names its page by this enum, and start-up checks that each has its template, so a misspelt or
/// missing page fails when the service starts, not when someone opens it.
enum PageTemplate: String, CaseIterable, Sendable {
    case activity
    case amendment
    case amendmentNew = "amendment-new"
    case commentThread = "comment-thread"
    case compare
    case desk
    /// The desk's counts alone, for its live updates.
    case deskCounts = "desk-counts"
    case draft
    case drafts
    case error
    case home
    case importDocument = "import"
    case invite
    case languages
    case members
    case newStrategy = "new-strategy"
    case outline
    case participation
    case people
    case phase
    case publicPage = "public"
    case revision
    case section
    case sectionEdit = "section-edit"
    /// The section page's comments and open amendments alone, for its live updates.
    case sectionLists = "section-lists"
    case settings
    case signin
    case strategy
    /// The strategy page's sign-off board alone, for its live updates.
    case strategyBoard = "strategy-board"
    case tokens
    case translate
    case xliff
}

/// The interface's Mustache templates, parsed once at start: the pages (`templates/pages`, each extending
/// `layout`) and what they include (`templates/partials`: the layout, breadcrumbs, comment cards, forms…). Every
/// text they print is escaped unless it comes from our own HTML formatters (`BodyHTML`, `RedlineHTML`), which
/// escape the text they wrap.
struct WebTemplates: Sendable {
    let library: MustacheLibrary

    enum LoadError: Error, CustomStringConvertible {
        case missingPages([String])
        case unknownPages([String])
        case duplicate(String)

        var description: String {
            switch self {
            case .missingPages(let names): "no template for the pages \(names.joined(separator: ", ")) in templates/pages"
            case .unknownPages(let names): "templates/pages holds \(names.joined(separator: ", ")), which no PageTemplate names"
            case .duplicate(let name): "two templates are named \(name)"
            }
        }
    }

    static func load() throws -> WebTemplates {
        let directory = try WebResources.directory("templates")
        var library = MustacheLibrary()
        var names: [String: Set<String>] = [:]
        for folder in ["pages", "partials"] {
            let files = try FileManager.default.contentsOfDirectory(
                at: directory.appendingPathComponent(folder, isDirectory: true), includingPropertiesForKeys: nil
            )
            for file in files where file.pathExtension == "mustache" {
                let name = file.deletingPathExtension().lastPathComponent
                guard names.values.allSatisfy({ !$0.contains(name) }) else { throw LoadError.duplicate(name) }
                names[folder, default: []].insert(name)
                try library.register(String(contentsOf: file, encoding: .utf8), named: name)
            }
        }
        let pages = Set(PageTemplate.allCases.map(\.rawValue))
        let found = names["pages"] ?? []
        guard pages.isSubset(of: found) else { throw LoadError.missingPages(pages.subtracting(found).sorted()) }
        guard found.isSubset(of: pages) else { throw LoadError.unknownPages(found.subtracting(pages).sorted()) }
        return WebTemplates(library: library)
    }

    func render(_ view: PageView, template: PageTemplate) -> String {
        // Every page's template was found at start (`load`), so this cannot fail.
        library.render(TemplateValues.convert(view) ?? [:], withTemplate: template.rawValue) ?? ""
    }
}
