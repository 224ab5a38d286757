/// Turns a view model into the dictionaries and arrays Mustache looks names up in.
///
/// swift-mustache reads a struct through `Mirror` at every `{{name}}`, and on each level of the context stack a
/// name is not found on; on a page of 50 comments that reflection was two thirds of the server's time. Reflecting
/// each value once, here, makes every later lookup a dictionary lookup. A nil optional becomes an absent key,
/// which is what Mustache made of it before.
enum TemplateValues {
    static func convert(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Int64, is Bool, is Double: return value
        case let table as [String: String]: return table
        case let array as [Any]: return array.map(convert)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional: return mirror.children.first.map { convert($0.value) } as Any
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(mirror.children.count)
            for child in mirror.children {
                guard let label = child.label else { continue }
                let field = Mirror(reflecting: child.value)
                if field.displayStyle == .optional {
                    guard let wrapped = field.children.first else { continue }
                    fields[label] = convert(wrapped.value)
                } else {
                    fields[label] = convert(child.value)
                }
            }
            return fields
        default: return value
        }
    }
}
