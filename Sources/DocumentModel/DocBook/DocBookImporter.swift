/// A DocBook 5 document read into a strategy's shape, with the elements that were kept as plain text.
public struct DocBookImport: Sendable, Equatable {
    public var source: DocBookSource
    /// Paths (`/article/section[2]/para[1]/code[1]`) of elements outside the mapping, kept as plain text.
    public var unmapped: [String]
}

public enum DocBookImportError: Error, Equatable {
    case tooLarge(limit: Int)
    case doctype
    case malformed(String)
    /// Well-formed, but not a DocBook 5 `article` or `book`.
    case notDocBook(String)
    /// Elements outside the mapping (strict mode), by path.
    case unmapped([String])
}

/// Reads a DocBook 5 `article` or `book`: `info` (title, abstract, organisational authors as stakeholder
/// groups), sections and chapters (nested, with their `xml:id`s) → sections; paragraphs, lists, emphasis and
/// links → the Markdown subset. Anything else is refused by path, or in lenient mode kept as its plain text.
public enum DocBookImporter {
    static let namespace = DocBookExporter.namespace
    static let sectionNames: Set<String> = ["section", "chapter", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect", "appendix"]

    public static func read(_ bytes: [UInt8], limit: Int, lenient: Bool) throws -> DocBookImport {
        let root: XMLElement
        do {
            root = try LibXML.parse(bytes, limit: limit)
        } catch XMLInputError.tooLarge(let limit) {
            throw DocBookImportError.tooLarge(limit: limit)
        } catch XMLInputError.doctype {
            throw DocBookImportError.doctype
        } catch XMLInputError.malformed(let message) {
            throw DocBookImportError.malformed(message)
        }
        guard root.namespace == namespace, root.name == "article" || root.name == "book" else {
            throw DocBookImportError.notDocBook(
                "the root element must be a DocBook 5 article or book (namespace \(namespace)), not \(root.name)"
            )
        }
        var reader = Reader()
        let source = reader.document(root)
        if !lenient && !reader.unmapped.isEmpty { throw DocBookImportError.unmapped(reader.unmapped) }
        return DocBookImport(source: source, unmapped: reader.unmapped)
    }

    private struct Reader {
        var unmapped: [String] = []
        var anchors: Set<String> = []

        mutating func document(_ root: XMLElement) -> DocBookSource {
            var title = ""
            var summary: [MarkdownSubset.Block] = []
            var groups: [StakeholderGroup] = []
            var sections: [DocBookSource.Section] = []
            let rootPath = "/" + root.name
            for (child, path) in children(root, rootPath) {
                switch child.name {
                case "info":
                    for (item, itemPath) in children(child, path) {
                        switch item.name {
                        case "title": title = heading(item)
                        case "abstract": summary += blocks(item, itemPath)
                        case "authorgroup":
                            for (author, authorPath) in children(item, itemPath) {
                                let name = author.name == "author" ? children(author, authorPath).first { $0.0.name == "orgname" }.map { heading($0.0) } : nil
                                if let name, !name.isEmpty { groups.append(StakeholderGroup(key: DocBookImporter.key(name, taken: groups.map(\.key)), name: name)) }
                                else { unmapped.append(authorPath) }
                            }
                        case "revhistory", "date", "releaseinfo": break  // history belongs to the exporting service
                        default: unmapped.append(itemPath)
                        }
                    }
                case "title": title = heading(child)
                case let name where sectionNames.contains(name): sections.append(section(child, path, parentNumber: "", index: sections.count))
                case "para", "simpara":
                    // An article's own empty paragraph is what an export writes when there are no sections.
                    if !text(of: child).allSatisfy(\.isWhitespace) { unmapped.append(path) }
                default: unmapped.append(path)
                }
            }
            return DocBookSource(
                title: title, summary: MarkdownSubset.render(MarkdownSubset.parse(MarkdownSubset.render(summary))), groups: groups.isEmpty ? StakeholderGroup.defaults : groups,
                sections: sections
            )
        }

        mutating func section(_ element: XMLElement, _ path: String, parentNumber: String, index: Int) -> DocBookSource.Section {
            let number = parentNumber.isEmpty ? "\(index + 1)" : "\(parentNumber).\(index + 1)"
            var anchor = ""
            if let id = element.attribute("id", namespace: "http://www.w3.org/XML/1998/namespace"), DocBookImporter.isAnchor(id), !anchors.contains(id) {
                anchor = id
                anchors.insert(id)
            }
            var title = ""
            var content: [MarkdownSubset.Block] = []
            var sections: [DocBookSource.Section] = []
            for (child, childPath) in children(element, path) {
                switch child.name {
                case "title": title = heading(child)
                case "info":
                    for (item, itemPath) in children(child, childPath) {
                        if item.name == "title" { title = heading(item) } else { unmapped.append(itemPath) }
                    }
                case let name where sectionNames.contains(name):
                    sections.append(section(child, childPath, parentNumber: number, index: sections.count))
                default:
                    content += blocks([(child, childPath)])
                }
            }
            let body = MarkdownSubset.render(MarkdownSubset.parse(MarkdownSubset.render(content)))
            return DocBookSource.Section(anchor: anchor, number: number, heading: title, body: body, sections: sections)
        }

        /// The block children of a container (abstract) or one block given with its path.
        mutating func blocks(_ container: XMLElement, _ path: String) -> [MarkdownSubset.Block] {
            blocks(children(container, path))
        }

        mutating func blocks(_ elements: [(XMLElement, String)]) -> [MarkdownSubset.Block] {
            var result: [MarkdownSubset.Block] = []
            for (element, path) in elements {
                switch element.name {
                case "para", "simpara":
                    let content = inlines(element, path)
                    if !content.isEmpty { result.append(.paragraph(content)) }
                case "itemizedlist", "orderedlist":
                    var items: [[MarkdownSubset.Inline]] = []
                    for (item, itemPath) in children(element, path) {
                        guard item.name == "listitem" else { unmapped.append(itemPath); continue }
                        var content: [MarkdownSubset.Inline] = []
                        for (paragraph, paragraphPath) in children(item, itemPath) {
                            guard paragraph.name == "para" || paragraph.name == "simpara" else {
                                unmapped.append(paragraphPath)
                                content.append(.text(text(of: paragraph)))
                                continue
                            }
                            if !content.isEmpty { content.append(.text(" ")) }
                            content += inlines(paragraph, paragraphPath)
                        }
                        items.append(content)
                    }
                    result.append(element.name == "itemizedlist" ? .bulletList(items) : .numberedList(items))
                default:
                    unmapped.append(path)
                    let content = text(of: element)
                    if !content.allSatisfy(\.isWhitespace) { result.append(.paragraph([.text(content)])) }
                }
            }
            return result
        }

        mutating func inlines(_ element: XMLElement, _ path: String) -> [MarkdownSubset.Inline] {
            var result: [MarkdownSubset.Inline] = []
            var counts: [String: Int] = [:]
            for child in element.children {
                switch child {
                case .text(let text): result.append(.text(text))
                case .element(let inner):
                    counts[inner.name, default: 0] += 1
                    let innerPath = "\(path)/\(inner.name)[\(counts[inner.name]!)]"
                    guard inner.namespace == namespace else {
                        unmapped.append(innerPath)
                        result.append(.text(text(of: inner)))
                        continue
                    }
                    switch inner.name {
                    case "emphasis":
                        let role = inner.attribute("role")
                        let content = inlines(inner, innerPath)
                        result.append(role == "strong" || role == "bold" ? .strong(content) : .emphasis(content))
                    case "link" where inner.attribute("href", namespace: DocBookExporter.xlink) != nil:
                        let url = DocBookImporter.url(inner.attribute("href", namespace: DocBookExporter.xlink)!)
                        result.append(.link(url: url, inlines(inner, innerPath)))
                    default:
                        unmapped.append(innerPath)
                        result.append(.text(text(of: inner)))
                    }
                }
            }
            return result
        }

        /// Element children with their paths (1-based index among same-named siblings); text between them is
        /// layout and ignored.
        func children(_ element: XMLElement, _ path: String) -> [(XMLElement, String)] {
            var counts: [String: Int] = [:]
            return element.children.compactMap { node in
                guard case .element(let child) = node else { return nil }
                counts[child.name, default: 0] += 1
                return (child, "\(path)/\(child.name)[\(counts[child.name]!)]")
            }
        }

        func text(of element: XMLElement) -> String {
            element.children.map { node in
                switch node {
                case .text(let text): text
                case .element(let child): self.text(of: child)
                }
            }.joined()
        }

        /// A title as one line: white-space runs become single spaces.
        func heading(_ element: XMLElement) -> String {
            text(of: element).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// `civil society` → `civil-society`; a group key must be lower-case letters, digits and hyphens.
    static func key(_ name: String, taken: [String]) -> String {
        var key = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { key.unicodeScalars.append(scalar) }
            else if !key.isEmpty && !key.hasSuffix("-") { key += "-" }
        }
        while key.hasSuffix("-") { key.removeLast() }
        key = String(key.prefix(40))
        while key.hasSuffix("-") { key.removeLast() }
        if key.isEmpty || taken.contains(key) { key = "group-\(taken.count + 1)" }
        return key
    }

    /// An `xml:id` usable as a stable anchor: an NCName of letters, digits, `_`, `-` and `.`.
    static func isAnchor(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 100 else { return false }
        let letter: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" }
        return letter(first) && id.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    }

    /// Link targets are written into the Markdown subset, whose urls have no spaces or parentheses.
    static func url(_ href: String) -> String {
        var out = ""
        for scalar in href.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "\\": out += "%5C"
            case "\n", "\r", "\t": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
