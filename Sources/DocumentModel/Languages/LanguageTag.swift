/// BCP 47 language tags as a strategy's languages use them: language, optional script, optional region and
/// variants (`sq`, `sr-Latn`, `sr-Cyrl-RS`, `en-GB`), in their canonical case.
public enum LanguageTag {
    /// The tag in canonical case (`SR-latn` → `sr-Latn`), or nil when it is not a well-formed tag of that shape.
    public static func canonical(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= 35, text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(\.isLetter) else { return nil }
        var result = [language.lowercased()]
        var index = 1
        if index < parts.count, parts[index].count == 4, parts[index].allSatisfy(\.isLetter) {
            result.append(parts[index].prefix(1).uppercased() + parts[index].dropFirst().lowercased())
            index += 1
        }
        if index < parts.count,
            (parts[index].count == 2 && parts[index].allSatisfy(\.isLetter))
                || (parts[index].count == 3 && parts[index].allSatisfy(\.isNumber))
        {
            result.append(parts[index].uppercased())
            index += 1
        }
        while index < parts.count {
            let variant = parts[index]
            let alphanumeric = variant.allSatisfy { $0.isLetter || $0.isNumber }
            guard alphanumeric, (5...8).contains(variant.count) || (variant.count == 4 && variant.first!.isNumber) else {
                return nil
            }
            result.append(variant.lowercased())
            index += 1
        }
        return result.joined(separator: "-")
    }

    /// The tags of a list in canonical case, each once; field errors name every tag that is not one.
    static func canonical(_ tags: [String], field: String, into errors: inout FieldErrors) -> [String] {
        var seen: [String] = []
        for (index, tag) in tags.enumerated() {
            guard let tag = canonical(tag) else {
                errors.add("\(field)/\(index)", "'\(tags[index].prefix(40))' is not a BCP 47 language tag (such as sq, sr-Latn, en)")
                continue
            }
            if !seen.contains(tag) { seen.append(tag) }
        }
        return seen
    }
}
