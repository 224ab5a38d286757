import CLibXML2
import Foundation
import Synchronization

/// A parsed document, read through `XMLElementRef`s that stay valid while it lives. Nothing changes it after
/// parsing, so several threads may read it at once. It is freed on a background queue when the last reference
/// goes: freeing tens of thousands of nodes need not delay an answer.
final class XMLDocument: @unchecked Sendable {
    private let pointer: xmlDocPtr
    let root: XMLElementRef

    fileprivate init(_ pointer: xmlDocPtr, root: xmlNodePtr) {
        self.pointer = pointer
        self.root = XMLElementRef(node: root)
    }

    deinit {
        nonisolated(unsafe) let pointer = pointer
        DispatchQueue.global(qos: .utility).async { xmlFreeDoc(pointer) }
    }
}

/// An element of a parsed `XMLDocument` (only valid while the document lives). Reading the parser's tree in
/// place spares an import a copy of every node into Swift values, which cost a third of libxml2's parse.
struct XMLElementRef: @unchecked Sendable {
    fileprivate let node: xmlNodePtr

    /// The local name. (Element names are short, so the string is stored inline, without an allocation.)
    var name: String { String(cString: node.pointee.name) }

    func isIn(namespace uri: String) -> Bool {
        guard let href = node.pointee.ns?.pointee.href else { return false }
        return uri.withCString { strcmp($0, UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self)) == 0 }
    }

    /// The attribute `name` in `namespace` (nil: in no namespace).
    func attribute(_ name: String, namespace: String? = nil) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard String(cString: current.pointee.name) == name,
                current.pointee.ns?.pointee.href.map({ String(cString: $0) }) == namespace
            else { continue }
            guard let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) else { return "" }
            defer { strategy_xml_free(value) }
            return String(cString: value)
        }
        return nil
    }

    /// Element and text children in document order; comments and processing instructions carry no content of
    /// a strategy and are skipped.
    var children: Children { Children(first: node.pointee.children) }

    /// Every text below this element, in document order, as UTF-8 pieces.
    func forEachText(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for child in children {
            switch child {
            case .text(let text): text.withBytes(body)
            case .element(let element): element.forEachText(body)
            }
        }
    }

    /// The text below this element, joined.
    var text: String {
        var bytes: [UInt8] = []
        forEachText { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    enum Child {
        case element(XMLElementRef)
        case text(XMLTextRef)
    }

    struct Children: Sequence, IteratorProtocol {
        private var upcoming: xmlNodePtr?

        fileprivate init(first: xmlNodePtr?) { upcoming = first }

        mutating func next() -> Child? {
            while let node = upcoming {
                upcoming = node.pointee.next
                switch node.pointee.type {
                case XML_ELEMENT_NODE: return .element(XMLElementRef(node: node))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: if node.pointee.content != nil { return .text(XMLTextRef(node: node)) }
                default: continue
                }
            }
            return nil
        }
    }
}

/// A text (or CDATA) node of a parsed `XMLDocument`.
struct XMLTextRef: @unchecked Sendable {
    fileprivate let node: xmlNodePtr

    /// The text's UTF-8 bytes, valid during the call.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let content = node.pointee.content!
        return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }
}

/// Sees a document's top-level parts while it is parsed (`LibXML.parse`).
protocol XMLParseObserver: AnyObject {
    /// `element`, a child of the root element `root`, is complete: called on the parsing thread, in document order.
    func ended(_ element: XMLElementRef, childOf root: XMLElementRef)
    /// The parse is over, well-formed or not; work still reading nodes must be finished when this returns.
    func parsed()
}

/// Why an XML input was refused before or while parsing.
enum XMLInputError: Error, Equatable {
    case tooLarge(limit: Int)
    /// Any document type declaration: the one defence against entity expansion and external DTDs that
    /// libxml2 2.9.14 offers without doubt.
    case doctype
    case malformed(String)
    /// A limit libxml2 keeps without the `HUGE` option: a text node or a lookahead of more than 10 MB, or
    /// elements nested deeper than 256. The message names which.
    case limitExceeded(String)
}

/// Every call into libxml2's C API lives in this file.
///
/// Input is parsed with the network off and without entity substitution, DTD loading, DTD attributes, DTD
/// validation, XInclude or the `HUGE` option (which lifts the depth and amplification limits); a document
/// with a DOCTYPE is refused before parsing; the size is capped first; and an external-entity loader that
/// refuses everything is installed once per process, so no document can make the parser open a file or a
/// socket. Small text nodes are stored compactly (`COMPACT`, as `xmllint` does): parsed documents are only read.
enum LibXML {
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
    )

    /// Initialises libxml2 once per process, with the refusing entity loader and silenced error printing.
    static let setUp: Void = {
        xmlInitParser()
        strategy_install_entity_loader()
        strategy_silence_errors()
    }()

    /// Parses `bytes` into a document with a root element. `observer`, when given, sees each child element of
    /// the root as soon as its end tag is read, while the parse goes on: its subtree no longer changes, so
    /// other threads may read it at once. Its `parsed()` is called when the parse ends, before a document that
    /// turned out malformed is freed: nothing may read the nodes after it returns in that case.
    static func parse(_ bytes: [UInt8], limit: Int, observer: (any XMLParseObserver)? = nil) throws -> XMLDocument {
        _ = setUp
        guard bytes.count <= limit else { throw XMLInputError.tooLarge(limit: limit) }
        guard !bytes.isEmpty else { throw XMLInputError.malformed("the document is empty") }
        if containsDoctype(bytes) { throw XMLInputError.doctype }
        // What `xmlCtxtReadMemory` does, with the context's own handlers kept and the document freed by us:
        // it would free a malformed document while an observer's work may still be reading it.
        let made = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlCreateMemoryParserCtxt($0, Int32(buffer.count)) }
        }
        guard let context = made else { throw XMLInputError.malformed("the parser could not start") }
        defer { xmlFreeParserCtxt(context) }
        xmlCtxtUseOptions(context, options)
        if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(context, utf8) }
        if let observer {
            context.pointee._private = Unmanaged.passUnretained(observer as AnyObject).toOpaque()
            context.pointee.sax.pointee.endElementNs = { userData, localName, prefix, uri in
                guard let userData else { return }
                let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
                let node = context.pointee.node
                xmlSAX2EndElementNs(userData, localName, prefix, uri)
                guard let node, let root = node.pointee.parent, root.pointee.type == XML_ELEMENT_NODE,
                    root.pointee.parent?.pointee.type == XML_DOCUMENT_NODE, let observer = context.pointee._private
                else { return }
                let object = Unmanaged<AnyObject>.fromOpaque(observer).takeUnretainedValue() as! any XMLParseObserver
                object.ended(XMLElementRef(node: node), childOf: XMLElementRef(node: root))
            }
        }
        xmlParseDocument(context)
        let wellFormed = context.pointee.wellFormed != 0
        let parsed = context.pointee.myDoc
        context.pointee.myDoc = nil
        observer?.parsed()
        guard let document = parsed, wellFormed else {
            let message = lastError(context)
            if let parsed { xmlFreeDoc(parsed) }
            if let limit = Self.limit(in: message) { throw XMLInputError.limitExceeded(limit) }
            throw XMLInputError.malformed(message)
        }
        guard document.pointee.intSubset == nil && document.pointee.extSubset == nil, let root = xmlDocGetRootElement(document) else {
            let doctype = document.pointee.intSubset != nil || document.pointee.extSubset != nil
            xmlFreeDoc(document)
            throw doctype ? XMLInputError.doctype : XMLInputError.malformed("the document has no root element")
        }
        return XMLDocument(document, root: root)
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

    /// The limit a parser error reports, in words for whoever sent the document; nil for a syntax error.
    static func limit(in message: String) -> String? {
        let lowered = message.lowercased()
        if lowered.contains("huge input lookup") || lowered.contains("huge text node") || lowered.contains("text node too long") {
            return "a text of the document runs past 10 MB, far beyond the \(TextRules.maxBodyLength) characters a section body may have"
        }
        if lowered.contains("excessive depth") {
            return "the document nests elements more than 256 deep"
        }
        return nil
    }

    private static func lastError(_ context: xmlParserCtxtPtr) -> String {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else { return "not well-formed XML" }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return "line \(error.pointee.line): \(text)"
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
        xmlRelaxNGSetValidStructuredErrors(
            context,
            { userData, error in
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
/// removes it on the way out). A fragment writer's bytes (without the XML declaration) go into a document
/// writer's output with `raw`, so that parts of one document can be written on several cores.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private let isFragment: Bool
    /// Where a fragment's own bytes start: after the XML declaration.
    private let start: Int32

    init(fragment: Bool = false) {
        _ = LibXML.setUp
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        isFragment = fragment
        // A fragment starts a document too, and leaves out its declaration: without the document's encoding,
        // the writer would escape every non-ASCII character of an attribute.
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        xmlTextWriterFlush(writer)
        start = fragment ? xmlBufferLength(buffer) : 0
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    func start(_ name: String) { xmlTextWriterStartElement(writer, name) }
    func attribute(_ name: String, _ value: String) { xmlTextWriterWriteAttribute(writer, name, value) }
    func text(_ text: String) { xmlTextWriterWriteString(writer, text) }
    func end() { xmlTextWriterEndElement(writer) }

    /// Text given as NUL-terminated UTF-8 (the terminator not counted in `bytes`), escaped like `text`.
    func text(nulTerminated bytes: UnsafeBufferPointer<UInt8>) { xmlTextWriterWriteString(writer, bytes.baseAddress) }

    /// Bytes that are already XML (a fragment writer's output), written as they are.
    func raw(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlTextWriterWriteRawLen(writer, $0, Int32(buffer.count))
            }
        }
    }

    /// Ends every open element and the document, and returns the bytes. (A fragment's elements must all be
    /// ended already: ending the document would add a line break.)
    func finish() -> [UInt8] {
        if !isFragment { xmlTextWriterEndDocument(writer) }
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content + Int(start), count: Int(xmlBufferLength(buffer) - start)))
    }
}
