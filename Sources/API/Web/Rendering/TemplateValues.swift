/// Turns a view model into the dictionaries and arrays Mustache looks names up in.
///
/// swift-mustache reads a struct through `Mirror` at every `{{name}}`, and on each level of the context stack a
/// name is not found on; on a page of 50 comments that reflection was two thirds of the server's time. Reflecting
/// each value once, here, makes every later lookup a dictionary lookup. A nil optional becomes an absent key,
/// which is what Mustache made of it before.
enum TemplateValues {
    static func convert(_ value: Any) -> Any? {
        // The common leaves first: a cast to a concrete type is cheap, a Mirror is not.
        if let text = value as? String { return text }
        if let flag = value as? Bool { return flag }
        if let number = value as? Int { return number }
        if let table = value as? [String: String] { return table }
        if let optional = value as? any OptionalValue { return optional.wrapped.flatMap(convert) }
        if let array = value as? [Any] { return array.compactMap(convert) }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return value }
        var fields: [String: Any] = [:]
        fields.reserveCapacity(Int(mirror.children.count))
        for child in mirror.children {
            guard let label = child.label, let field = convert(child.value) else { continue }
            fields[label] = field
        }
        return fields
    }
}

/// Lets `TemplateValues` see through an optional without reflecting it.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self.map { $0 as Any } }
}
