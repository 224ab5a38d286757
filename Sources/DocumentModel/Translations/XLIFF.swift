import Foundation

/// XLIFF 1.2, the exchange format CAT tools (OmegaT, Trados, translate-toolkit) read and write: one `file` per
/// section, one `trans-unit` per unit, its id `s<section>.<unit>` (`s12.u3`, `s12.heading`) surviving the round
/// trip. The `source` a unit was exported with travels back with it: an import refuses a unit whose source
/// changed since, by id.
public enum XLIFF {
    static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    /// One section's units to export: the section's outline number and heading, and its units.
    struct FileEntry {
        var sectionID: Int64
        var title: String
        var units: [TranslatedUnit]
    }

    /// The document for `language`: the outdated and missing units of each section (an outdated one with its
    /// previous translation as the target to review, and the source it translated in a note).
    static func write(strategyTitle: String, sourceLanguage: String, language: String, files: [FileEntry]) -> [UInt8] {
        let writer = XMLWriter()
        writer.start("xliff")
        writer.attribute("xmlns", namespace)
        writer.attribute("version", "1.2")
        for file in files {
            DocBookExporter.newline(writer, depth: 1)
            writer.start("file")
            writer.attribute("original", "section-\(file.sectionID)")
            writer.attribute("source-language", sourceLanguage)
            writer.attribute("target-language", language)
            writer.attribute("datatype", "plaintext")
            DocBookExporter.newline(writer, depth: 2)
            writer.start("header")
            DocBookExporter.element(writer, "note", "\(strategyTitle) — \(file.title)")
            writer.end()
            DocBookExporter.newline(writer, depth: 2)
            writer.start("body")
            for unit in file.units {
                DocBookExporter.newline(writer, depth: 3)
                writer.start("trans-unit")
                writer.attribute("id", "s\(file.sectionID).\(unit.id)")
                writer.attribute("xml:space", "preserve")
                DocBookExporter.newline(writer, depth: 4)
                DocBookExporter.element(writer, "source", unit.source)
                DocBookExporter.newline(writer, depth: 4)
                writer.start("target")
                writer.attribute("state", unit.state == .outdated ? "needs-review-translation" : "needs-translation")
                writer.text(XMLText.safe(unit.text ?? unit.memory ?? ""))
                writer.end()
                if unit.state == .outdated, let before = unit.translatedSource {
                    DocBookExporter.newline(writer, depth: 4)
                    DocBookExporter.element(writer, "note", "The source changed since the translation, which translated: \(before)")
                }
                DocBookExporter.newline(writer, depth: 3)
                writer.end()
            }
            DocBookExporter.newline(writer, depth: 2)
            writer.end()
            DocBookExporter.newline(writer, depth: 1)
            writer.end()
        }
        DocBookExporter.newline(writer, depth: 0)
        writer.end()
        var bytes = writer.finish()
        if bytes.last != 0x0A { bytes.append(0x0A) }
        return bytes
    }

    /// A unit read back: which section and unit, the source it was exported with, and its translation.
    struct ReadUnit: Equatable {
        var sectionID: Int64
        var unit: String
        var id: String
        var source: String
        var target: String?
    }

    /// Reads a returned document: as safe as the DocBook import (no DOCTYPE, so no DTD and no entities; the size
    /// capped before parsing; libxml2's depth and text limits), and strict about its shape.
    static func read(_ bytes: [UInt8], limit: Int, language: String) throws -> [ReadUnit] {
        let document: XMLDocument
        do {
            document = try LibXML.parse(bytes, limit: limit)
        } catch XMLInputError.tooLarge(let limit) {
            throw XLIFFError.tooLarge(limit: limit)
        } catch XMLInputError.doctype {
            throw XLIFFError.invalid("the document has a DOCTYPE; XLIFF needs none, and none is accepted")
        } catch XMLInputError.malformed(let message) {
            throw XLIFFError.invalid("not well-formed XML: \(message)")
        } catch XMLInputError.limitExceeded(let message) {
            throw XLIFFError.invalid(message)
        }
        let root = document.root
        guard root.name == "xliff", root.isIn(namespace: namespace), root.attribute("version") == "1.2" else {
            throw XLIFFError.invalid("not an XLIFF 1.2 document (the root must be <xliff version=\"1.2\"> in \(namespace))")
        }
        var units: [ReadUnit] = []
        var seen: Set<String> = []
        for case .element(let file) in root.children where file.name == "file" {
            let target = file.attribute("target-language").flatMap(LanguageTag.canonical)
            guard target == language else {
                throw XLIFFError.invalid(
                    "a <file> is for \(file.attribute("target-language") ?? "no target language"), not \(language)"
                )
            }
            for case .element(let body) in file.children where body.name == "body" {
                for unit in transUnits(body) {
                    guard let id = unit.attribute("id"), let (sectionID, name) = parse(id: id) else {
                        throw XLIFFError.invalid(
                            "a <trans-unit> id is not one this service exported (s<section>.<unit>): \(unit.attribute("id")?.prefix(40) ?? "none")")
                    }
                    guard seen.insert(id).inserted else { throw XLIFFError.invalid("the unit \(id) is given twice") }
                    var source: String?
                    var text: String?
                    for case .element(let child) in unit.children {
                        if child.name == "source" { source = child.text }
                        if child.name == "target" { text = child.text }
                    }
                    guard let source else { throw XLIFFError.invalid("the unit \(id) has no <source>") }
                    units.append(ReadUnit(sectionID: sectionID, unit: name, id: id, source: source, target: text))
                }
            }
        }
        return units
    }

    /// `trans-unit`s of a body, inside `group`s too (CAT tools may add them), no deeper than groups nest.
    private static func transUnits(_ element: XMLElementRef, depth: Int = 0) -> [XMLElementRef] {
        var found: [XMLElementRef] = []
        for case .element(let child) in element.children {
            if child.name == "trans-unit" { found.append(child) }
            if child.name == "group" && depth < 8 { found += transUnits(child, depth: depth + 1) }
        }
        return found
    }

    /// `s12.u3` → (12, `u3`); `s12.heading` → (12, `heading`).
    static func parse(id: String) -> (Int64, String)? {
        guard id.hasPrefix("s"), let dot = id.firstIndex(of: ".") else { return nil }
        guard let section = Int64(id[id.index(after: id.startIndex)..<dot]), section > 0 else { return nil }
        let unit = String(id[id.index(after: dot)...])
        let isBlock = unit.hasPrefix("u") && unit.count > 1 && unit.dropFirst().allSatisfy(\.isASCII) && Int(unit.dropFirst()) != nil
        guard unit == "heading" || isBlock else { return nil }
        return (section, unit)
    }
}

/// Why an XLIFF document was refused as a whole; nothing was written.
public enum XLIFFError: Error, Equatable {
    case tooLarge(limit: Int)
    case invalid(String)
}

/// What an XLIFF import did: the translation revisions it made, the units it saved, and the units it refused
/// by id, each with the reason.
public struct XLIFFImportReport: Sendable, Equatable {
    public struct Refusal: Sendable, Equatable {
        public var id: String
        public var reason: String
    }

    public var revisions: Int
    public var saved: Int
    public var unchanged: Int
    public var refused: [Refusal]
}
