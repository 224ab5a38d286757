import Mustache

/// Turns a view model into the objects and arrays Mustache looks names up in.
///
/// swift-mustache reads a struct through `Mirror` at every `{{name}}`, and on each level of the context stack a
/// name is not found on; on a page of 50 comments that reflection was two thirds of the server's time. Reflecting
/// each value once, here, makes every later lookup a dictionary lookup. A nil optional becomes an absent key,
/// which is what Mustache made of it before.
///
/// The objects are final classes rather than dictionaries: Mustache asks each level of the stack whether it is a
/// `MustacheParent`, and for `Dictionary` that is a conditional conformance the runtime instantiates on every
/// cast, which was a fifth of a section page's time once its comments had reply forms.
enum TemplateValues {
    static func convert(_ value: Any) -> Any? {
        // The common leaves first: a cast to a concrete type is cheap, a Mirror is not.
        if let text = value as? String { return text }
        if let flag = value as? Bool { return flag }
        if let number = value as? Int { return number }
        if let table = value as? [String: String] { return TemplateTable(table) }
        if let optional = value as? any OptionalValue { return optional.wrapped.flatMap(convert) }
        if let array = value as? [Any] { return array.compactMap(convert) }
        if let listed = value as? any TemplateFields { return TemplateObject(listed.templateFields.compactMapValues { $0.flatMap(convert) }) }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return value }
        var fields: [String: Any] = [:]
        fields.reserveCapacity(Int(mirror.children.count))
        for child in mirror.children {
            guard let label = child.label, let field = convert(child.value) else { continue }
            fields[label] = field
        }
        return TemplateObject(fields)
    }
}

/// A view model that lists its own fields, for the few shown many times on a page (a comment card): reflecting
/// fifty cards through `Mirror` was a tenth of a section page's time.
protocol TemplateFields {
    var templateFields: [String: Any?] { get }
}

/// A view model's fields, by name.
final class TemplateObject: MustacheParent {
    let fields: [String: Any]

    init(_ fields: [String: Any]) { self.fields = fields }

    func child(named name: String) -> Any? { fields[name] }
}

/// A table of texts (the reader's messages, a form's errors by field).
final class TemplateTable: MustacheParent {
    let table: [String: String]

    init(_ table: [String: String]) { self.table = table }

    func child(named name: String) -> Any? { table[name] }
}

/// Lets `TemplateValues` see through an optional without reflecting it.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self.map { $0 as Any } }
}
