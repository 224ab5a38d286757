import CLibXML2
import Foundation
import Synchronization

/// An XML element read from a document, detached from libxml2.
struct XMLElement: Sendable, Equatable {
    var name: String
    /// The namespace URI, nil for none.
    var namespace: String?
    var attributes: [XMLAttribute]
    var children: [XMLNode]

    func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }
}

struct XMLAttribute: Sendable, Equatable {
    var name: String
    var namespace: String?
    var value: String
}

enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

/// Why an XML input was refused before or while parsing.
enum XMLInputError: Error, Equatable {
    case tooLarge(limit: Int)
    /// Any document type declaration: the one defence against entity expansion and external DTDs that
    /// libxml2 2.9.14 offers without doubt.
    case doctype
    case malformed(String)
}

/// Every call into libxml2's C API lives in this file.
///
/// Input is parsed with the network off and without entity substitution, DTD loading, DTD attributes, DTD
/// validation, XInclude or the `HUGE` option (which lifts the depth and amplification limits); a document
/// with a DOCTYPE is refused before parsing; the size is capped first; and an external-entity loader that
/// refuses everything is installed once per process, so no document can make the parser open a file or a
/// socket.
enum LibXML {
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Initialises libxml2 once per process, with the refusing entity loader and silenced error printing.
    static let setUp: Void = {
        xmlInitParser()
        strategy_install_entity_loader()
        strategy_silence_errors()
    }()

    /// Parses `bytes` and returns the root element.
    static func parse(_ bytes: [UInt8], limit: Int) throws -> XMLElement {
        _ = setUp
        guard bytes.count <= limit else { throw XMLInputError.tooLarge(limit: limit) }
        if containsDoctype(bytes) { throw XMLInputError.doctype }
        guard let context = xmlNewParserCtxt() else { throw XMLInputError.malformed("the parser could not start") }
        defer { xmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), "input.xml", "UTF-8", options)
            }
        }
        guard let document else { throw XMLInputError.malformed(lastError(context)) }
        defer { dispose(document) }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil { throw XMLInputError.doctype }
        guard let root = xmlDocGetRootElement(document) else { throw XMLInputError.malformed("the document has no root element") }
        return element(root)
    }

    /// Frees a parsed document on a background queue: the caller has its Swift copy, and freeing tens of
    /// thousands of nodes need not delay the answer.
    private static func dispose(_ document: xmlDocPtr) {
        nonisolated(unsafe) let document = document
        DispatchQueue.global(qos: .utility).async { xmlFreeDoc(document) }
    }

    /// A quick scan that refuses `<!DOCTYPE` anywhere, so no internal subset is ever parsed.
    static func containsDoctype(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count >= needle.count, let base = buffer.baseAddress else { return false }
            var offset = 0
            let last = buffer.count - needle.count
            while offset <= last {
                // memchr finds each `<` at memory speed; only those are compared with the needle.
                guard let hit = memchr(base + offset, 0x3C, last - offset + 1) else { return false }
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, needle, needle.count) == 0 { return true }
                offset = index + 1
            }
            return false
        }
    }

    private static func lastError(_ context: xmlParserCtxtPtr) -> String {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else { return "not well-formed XML" }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return "line \(error.pointee.line): \(text)"
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Copies a subtree into Swift values (iteratively: depth is bounded by the parser, but not by our stack).
    private static func element(_ root: xmlNodePtr) -> XMLElement {
        // libxml2 keeps one copy of each element name (its dictionary) and of each namespace URI (its
        // declaration), so their Swift strings are made once per pointer rather than once per element.
        var interned: [UnsafeRawPointer: String] = [:]
        func name(_ pointer: UnsafePointer<xmlChar>?) -> String? {
            guard let pointer else { return nil }
            if let known = interned[UnsafeRawPointer(pointer)] { return known }
            let made = String(cString: pointer)
            interned[UnsafeRawPointer(pointer)] = made
            return made
        }
        func shell(_ node: xmlNodePtr) -> XMLElement {
            var attributes: [XMLAttribute] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
                attributes.append(XMLAttribute(
                    name: string(current.pointee.name) ?? "", namespace: string(current.pointee.ns?.pointee.href),
                    value: value.map { String(cString: $0) } ?? ""
                ))
                if let value { strategy_xml_free(value) }
                attribute = current.pointee.next
            }
            return XMLElement(name: name(node.pointee.name) ?? "", namespace: name(node.pointee.ns?.pointee.href), attributes: attributes, children: [])
        }
        // A stack of (node being filled, its next child to visit).
        var stack: [(element: XMLElement, next: xmlNodePtr?)] = [(shell(root), root.pointee.children)]
        while true {
            guard let child = stack[stack.count - 1].next else {
                let done = stack.removeLast().element
                if stack.isEmpty { return done }
                stack[stack.count - 1].element.children.append(.element(done))
                continue
            }
            stack[stack.count - 1].next = child.pointee.next
            switch child.pointee.type {
            case XML_ELEMENT_NODE:
                stack.append((shell(child), child.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = string(child.pointee.content) {
                    if case .text(let previous)? = stack[stack.count - 1].element.children.last {
                        stack[stack.count - 1].element.children[stack[stack.count - 1].element.children.count - 1] = .text(previous + content)
                    } else {
                        stack[stack.count - 1].element.children.append(.text(content))
                    }
                }
            default:
                break  // comments and processing instructions carry no content of the strategy
            }
        }
    }

    // MARK: RELAX NG

    private final class Schema: @unchecked Sendable {
        let pointer: xmlRelaxNGPtr
        init(_ pointer: xmlRelaxNGPtr) { self.pointer = pointer }
    }

    private static let schemas = Mutex<[String: Schema]>([:])

    /// Validates a document against a RELAX NG schema file (parsed once per process); returns the validator's
    /// messages, empty when the document is valid.
    static func validate(_ bytes: [UInt8], relaxNG path: String) throws -> [String] {
        _ = setUp
        let schema = try schemas.withLock { cache -> Schema in
            if let schema = cache[path] { return schema }
            // Read by us and parsed from memory: the entity loader refuses every file, the schema's included.
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let parsed: xmlRelaxNGPtr? = data.withUnsafeBytes { raw in
                guard let context = xmlRelaxNGNewMemParserCtxt(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count))
                else { return nil }
                defer { xmlRelaxNGFreeParserCtxt(context) }
                return xmlRelaxNGParse(context)
            }
            guard let parsed else { throw XMLInputError.malformed("the RELAX NG schema \(path) could not be parsed") }
            let schema = Schema(parsed)
            cache[path] = schema
            return schema
        }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlReadMemory(pointer, Int32(buffer.count), "document.xml", "UTF-8", options)
            }
        }
        guard let document else { return ["the document is not well-formed"] }
        defer { xmlFreeDoc(document) }
        guard let context = xmlRelaxNGNewValidCtxt(schema.pointer) else { return ["the validator could not start"] }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        final class Messages { var list: [String] = [] }
        let messages = Messages()
        let box = Unmanaged.passUnretained(messages).toOpaque()
        xmlRelaxNGSetValidStructuredErrors(context, { userData, error in
            guard let userData, let error, let message = error.pointee.message else { return }
            let messages = Unmanaged<Messages>.fromOpaque(userData).takeUnretainedValue()
            messages.list.append("line \(error.pointee.line): " + String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines))
        }, box)
        let result = xmlRelaxNGValidateDoc(context, document)
        if result != 0 && messages.list.isEmpty { messages.list.append("invalid (code \(result))") }
        return result == 0 ? [] : messages.list
    }
}

/// Writes XML into memory through libxml2's text writer, which escapes `&`, `<` and `>` (and quotes in
/// attributes). Callers pass only XML-safe text (`TextRules` refuses the rest at the door, and `XMLText`
/// removes it on the way out).
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    init() {
        _ = LibXML.setUp
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    func start(_ name: String) { xmlTextWriterStartElement(writer, name) }
    func attribute(_ name: String, _ value: String) { xmlTextWriterWriteAttribute(writer, name, value) }
    func text(_ text: String) { xmlTextWriterWriteString(writer, text) }
    func end() { xmlTextWriterEndElement(writer) }

    /// Ends every open element and the document, and returns the bytes.
    func finish() -> [UInt8] {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}
