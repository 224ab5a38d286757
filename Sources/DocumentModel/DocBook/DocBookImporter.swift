import Dispatch
import Foundation
import Synchronization

/// A DocBook 5 document read into a strategy's shape, with the elements that were kept as plain text.
public struct DocBookImport: Sendable, Equatable {
    public let source: DocBookSource
    /// Paths (`/article/section[2]/para[1]/code[1]`) of elements outside the mapping, kept as plain text.
    public let unmapped: [String]
    /// Every section's body checked and cut into chunks, in the order sections start (pre-order).
    let bodies: [CheckedBody]
    /// The root's `xml:lang`, if it has one.
    var declaredLanguage: String? = nil
}

public enum DocBookImportError: Error, Equatable {
    case tooLarge(limit: Int)
    case doctype
    case malformed(String)
    /// Well-formed, but not a DocBook 5 `article` or `book`.
    case notDocBook(String)
    /// Well-formed as far as it was read, but over a limit of the parser (a text past 10 MB, nesting past 256).
    case limitExceeded(String)
    /// Elements outside the mapping (strict mode), by path.
    case unmapped([String])
}

/// Reads a DocBook 5 `article` or `book`: `info` (title, abstract, organisational authors as stakeholder
/// groups), sections and chapters (nested, with their `xml:id`s) → sections; paragraphs, lists, emphasis and
/// links → the Markdown subset. Anything else is refused by path, or in lenient mode kept as its plain text.
///
/// libxml2's tree is read in place, while it is being parsed: as each top-level part of the document ends,
/// `OutlineReader` reads its frame on the parsing thread, and each of its sections' bodies is written as
/// Markdown by a `BodyWriter` and checked on another core (`SectionPipeline`).
public enum DocBookImporter {
    static let namespace = DocBookExporter.namespace
    static let sectionNames: Set<String> = ["section", "chapter", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect", "appendix"]

    public static func read(_ bytes: [UInt8], limit: Int, lenient: Bool) throws -> DocBookImport {
        let pipeline = SectionPipeline()
        let document: XMLDocument
        do {
            document = try LibXML.parse(bytes, limit: limit, observer: pipeline)
        } catch XMLInputError.tooLarge(let limit) {
            throw DocBookImportError.tooLarge(limit: limit)
        } catch XMLInputError.doctype {
            throw DocBookImportError.doctype
        } catch XMLInputError.malformed(let message) {
            throw DocBookImportError.malformed(message)
        } catch XMLInputError.limitExceeded(let message) {
            throw DocBookImportError.limitExceeded(message)
        }
        // The nodes are read in place: the document must live until the reading is done.
        return try withExtendedLifetime(document) { try pipeline.finish(document.root, lenient: lenient) }
    }

    static func isDocBookRoot(_ root: XMLElementRef) -> Bool {
        root.isIn(namespace: namespace) && (root.name == "article" || root.name == "book")
    }

    /// Reads the document's parts as the parser completes them: the frame on the parsing thread, in order, and
    /// each section's body on the other cores meanwhile, so that most of the reading is done when the parse is.
    ///
    /// Sections wait in a list that the workers and, once the parse is over, the parsing thread itself take
    /// from. The parsing thread never waits for a batch that no thread has started, but writes it: it does not
    /// idle while work is left, and does not depend on the thread pool it runs on having a thread to spare.
    private final class SectionPipeline: XMLParseObserver, @unchecked Sendable {
        // Touched on the parsing thread only (and by `finish`, after the parse).
        private var outline = OutlineReader()
        private var isDocBook: Bool?
        private var started = 0

        private struct Batch {
            let slots: Range<Int>
            let contents: [[(element: XMLElementRef, location: Location)]]
            let numbers: [String]
        }

        private struct Shared {
            /// Batches in the order offered; the ones before `next` are taken (and let go).
            var waiting: [Batch?] = []
            var next = 0
            /// Workers writing batches: one core fewer than there are, so that the parse keeps one to itself.
            var workers = 0
            /// Each section's body, by its place in the outline's `contents`.
            var bodies: [Int: SectionBody] = [:]
        }
        private let shared = Mutex(Shared())
        /// Ordinals of the root's children, which arrive one at a time as they are parsed.
        private var rootOrdinals = Ordinals()
        /// Entered when a batch is taken, left when its bodies are in: what the parsing thread waits for.
        private let taken = DispatchGroup()

        func ended(_ element: XMLElementRef, childOf root: XMLElementRef) {
            if isDocBook == nil { isDocBook = DocBookImporter.isDocBookRoot(root) }
            guard isDocBook == true else { return }
            outline.child(element, Location(parent: "/" + root.name, element: element, ordinal: rootOrdinals.next(element)))
            if outline.contents.count - started >= Self.batch { offer() }
        }

        func parsed() {
            offer()
            while takeAndWrite() {}
            taken.wait()
        }

        /// Sections are handed over a few at a time: a document of many tiny sections would spend more on
        /// dispatching one block per section than on writing them.
        private static let batch = 4

        private static let maximumWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

        private func offer() {
            let slots = started..<outline.contents.count
            guard !slots.isEmpty else { return }
            started = slots.upperBound
            let batch = Batch(slots: slots, contents: Array(outline.contents[slots]), numbers: Array(outline.numbers[slots]))
            let startsWorker = shared.withLock { shared in
                shared.waiting.append(batch)
                guard shared.workers < Self.maximumWorkers else { return false }
                shared.workers += 1
                return true
            }
            // A worker writes batches until none is waiting.
            if startsWorker { DispatchQueue.global().async { [self] in while takeAndWrite(asWorker: true) {} } }
        }

        /// Writes the oldest waiting batch, if any is left; returns whether there was one. A worker that finds
        /// none stops, in the same lock as the check, so that `offer` starts another for the next batch.
        private func takeAndWrite(asWorker: Bool = false) -> Bool {
            let next = shared.withLock { shared -> Batch? in
                guard shared.next < shared.waiting.count else {
                    if asWorker { shared.workers -= 1 }
                    return nil
                }
                taken.enter()
                defer {
                    shared.waiting[shared.next] = nil
                    shared.next += 1
                }
                return shared.waiting[shared.next]
            }
            guard let batch = next else { return false }
            let written = zip(batch.contents, batch.numbers).map { SectionBody($0, number: $1) }
            shared.withLock { shared in
                for (slot, body) in zip(batch.slots, written) { shared.bodies[slot] = body }
            }
            taken.leave()
            return true
        }

        func finish(_ root: XMLElementRef, lenient: Bool) throws -> DocBookImport {
            guard DocBookImporter.isDocBookRoot(root) else {
                throw DocBookImportError.notDocBook(
                    "the root element must be a DocBook 5 article or book (namespace \(namespace)), not \(root.name)"
                )
            }
            var source = outline.source()
            // The document's own language (`xml:lang` on its root), when it names one, is the strategy's source language.
            let declared = root.attribute("lang", namespace: "http://www.w3.org/XML/1998/namespace").flatMap(LanguageTag.canonical)
            source.language = declared ?? source.language
            let bodies = shared.withLock { shared in outline.contents.indices.map { shared.bodies[$0]! } }
            var next = 0
            func fill(_ sections: inout [DocBookSource.Section]) {
                for index in sections.indices {
                    sections[index].body = bodies[next].text
                    next += 1
                    fill(&sections[index].sections)
                }
            }
            fill(&source.sections)
            // The report in document order: the outline's own findings, with each content element's in its place.
            var unmapped: [String] = []
            for entry in outline.report {
                switch entry {
                case .path(let path): unmapped.append(path)
                case .content(let section, let element):
                    unmapped += bodies[section].reports[element] ?? []
                }
            }
            if !lenient && !unmapped.isEmpty { throw DocBookImportError.unmapped(unmapped) }
            return DocBookImport(source: source, unmapped: unmapped, bodies: bodies.map(\.checked), declaredLanguage: declared)
        }
    }

    /// A section's body as written from its content elements, checked and cut into chunks for the store.
    private struct SectionBody: Sendable {
        var text: String
        /// Paths reported by each content element, by its index in the section's list.
        var reports: [Int: [String]] = [:]
        var checked: CheckedBody

        init(_ content: [(element: XMLElementRef, location: Location)], number: String) {
            var writer = BodyWriter()
            for (index, item) in content.enumerated() {
                writer.block(item.element, item.location)
                if !writer.unmapped.isEmpty {
                    reports[index] = writer.unmapped
                    writer.unmapped.removeAll()
                }
            }
            text = writer.canonicalText
            checked = CheckedBody(text, field: "section \(number)/body")
        }
    }

    /// Where an element sits. Its path (`/article/section[2]/para[1]`) is spelled out only when something is
    /// reported: building one per element cost as much as the rest of the reading.
    struct Location: Sendable {
        private let parent: Parent
        let element: XMLElementRef
        /// The element's place among its parent's child elements of the same name, counted while walking them
        /// (counting earlier siblings per element made a path of 40,000 siblings quadratic).
        private let ordinal: Int

        /// A content element's parent is kept as its location, spelled out only with the element's own path.
        private indirect enum Parent: Sendable {
            case path(String)
            case location(Location)
        }

        init(parent path: String, element: XMLElementRef, ordinal: Int) {
            parent = .path(path)
            self.element = element
            self.ordinal = ordinal
        }

        init(within location: Location, element: XMLElementRef, ordinal: Int) {
            parent = .location(location)
            self.element = element
            self.ordinal = ordinal
        }

        var path: String {
            let prefix =
                switch parent {
                case .path(let path): path
                case .location(let location): location.path
                }
            return "\(prefix)/\(element.name)[\(ordinal)]"
        }
    }

    /// Child elements with where they sit; text between them is layout and ignored.
    static func children(_ element: XMLElementRef, _ path: String) -> [(element: XMLElementRef, location: Location)] {
        var ordinals = Ordinals()
        return element.children.compactMap { child in
            guard case .element(let element) = child else { return nil }
            return (element, Location(parent: path, element: element, ordinal: ordinals.next(element)))
        }
    }

    static func children(_ element: XMLElementRef, within location: Location) -> [(element: XMLElementRef, location: Location)] {
        var ordinals = Ordinals()
        return element.children.compactMap { child in
            guard case .element(let element) = child else { return nil }
            return (element, Location(within: location, element: element, ordinal: ordinals.next(element)))
        }
    }

    /// Counts child elements by name while walking a parent's children once: the n-th `para` gets `[n]`.
    struct Ordinals {
        private var counts: [String: Int] = [:]

        mutating func next(_ element: XMLElementRef) -> Int {
            let name = element.name
            let ordinal = (counts[name] ?? 0) + 1
            counts[name] = ordinal
            return ordinal
        }
    }

    /// A title as one line: white-space runs become single spaces.
    static func heading(_ element: XMLElementRef) -> String {
        element.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The document's frame, read one child of the root at a time: `info`, the section tree with titles and
    /// anchors, and for each section (in document order) the content elements whose bodies are written apart.
    private struct OutlineReader {
        enum Entry {
            case path(String)
            /// Whatever content element `element` of section `section` reports, in its place.
            case content(section: Int, element: Int)
        }
        var report: [Entry] = []
        var anchors: Set<String> = []
        /// Each section's content elements, in the order sections start (pre-order).
        var contents: [[(element: XMLElementRef, location: Location)]] = []

        /// Each section's number, by its place in `contents`.
        var numbers: [String] = []
        private var title = ""
        private var summary = BodyWriter()
        private var groups: [StakeholderGroup] = []
        private var sections: [DocBookSource.Section] = []

        /// One child element of the root, in document order.
        mutating func child(_ child: XMLElementRef, _ location: Location) {
            switch child.name {
            case "info":
                let path = location.path
                for (item, itemLocation) in children(child, path) {
                    switch item.name {
                    case "title": title = heading(item)
                    case "abstract":
                        for (block, blockLocation) in children(item, itemLocation.path) { summary.block(block, blockLocation) }
                        report += summary.unmapped.map(Entry.path)
                        summary.unmapped.removeAll()
                    case "authorgroup":
                        let groupPath = itemLocation.path
                        for (author, authorLocation) in children(item, groupPath) {
                            let name =
                                author.name == "author"
                                ? children(author, "").first { $0.element.name == "orgname" }.map { heading($0.element) } : nil
                            if let name, !name.isEmpty {
                                groups.append(StakeholderGroup(key: DocBookImporter.key(name, taken: groups.map(\.key)), name: name))
                            } else {
                                report.append(.path(authorLocation.path))
                            }
                        }
                    case "revhistory", "date", "releaseinfo": break  // history belongs to the exporting service
                    default: report.append(.path(itemLocation.path))
                    }
                }
            case "title": title = heading(child)
            case let name where sectionNames.contains(name):
                sections.append(section(child, location.path, parentNumber: "", index: sections.count))
            case "para", "simpara":
                // An article's own empty paragraph is what an export writes when there are no sections.
                if !child.text.allSatisfy(\.isWhitespace) { report.append(.path(location.path)) }
            default: report.append(.path(location.path))
            }
        }

        /// The document read so far, its section bodies left empty.
        func source() -> DocBookSource {
            DocBookSource(
                title: title, summary: summary.canonicalText, groups: groups.isEmpty ? StakeholderGroup.defaults : groups,
                sections: sections
            )
        }

        /// A section with its subsections; its body is left empty, to be written from `contents[slot]`.
        mutating func section(_ element: XMLElementRef, _ path: String, parentNumber: String, index: Int) -> DocBookSource.Section {
            let number = parentNumber.isEmpty ? "\(index + 1)" : "\(parentNumber).\(index + 1)"
            let slot = contents.count
            contents.append([])
            numbers.append(number)
            var anchor = ""
            if let id = element.attribute("id", namespace: "http://www.w3.org/XML/1998/namespace"), DocBookImporter.isAnchor(id),
                !anchors.contains(id)
            {
                anchor = id
                anchors.insert(id)
            }
            var title = ""
            var sections: [DocBookSource.Section] = []
            for (child, location) in children(element, path) {
                switch child.name {
                case "title": title = heading(child)
                case "info":
                    for (item, itemLocation) in children(child, location.path) {
                        if item.name == "title" { title = heading(item) } else { report.append(.path(itemLocation.path)) }
                    }
                case let name where sectionNames.contains(name):
                    sections.append(section(child, location.path, parentNumber: number, index: sections.count))
                default:
                    report.append(.content(section: slot, element: contents[slot].count))
                    contents[slot].append((child, location))
                }
            }
            return DocBookSource.Section(anchor: anchor, number: number, heading: title, body: "", sections: sections)
        }
    }

    /// `civil society` → `civil-society`; a group key must be lower-case letters, digits and hyphens.
    static func key(_ name: String, taken: [String]) -> String {
        var key = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(scalar)
            } else if !key.isEmpty && !key.hasSuffix("-") {
                key += "-"
            }
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
