/// The redline as JSON: `{"operations":[{"kind":…,"text":…,"before":offset,"after":offset,"partner":index}]}`.
public enum ProseJSONFormatter {
    public static func format(_ diff: ProseDiff) -> String {
        var out = "{\"operations\":["
        for (index, operation) in diff.operations.enumerated() {
            if index > 0 { out += "," }
            out += "{"
            if let after = operation.afterOffset { out += "\"after\":\(after)," }
            if let before = operation.beforeOffset { out += "\"before\":\(before)," }
            out += "\"kind\":\"\(operation.kind.rawValue)\","
            if let partner = operation.partner { out += "\"partner\":\(partner)," }
            out += "\"text\":" + EditScriptJSON.quote(operation.text) + "}"
        }
        return out + "]}\n"
    }
}
