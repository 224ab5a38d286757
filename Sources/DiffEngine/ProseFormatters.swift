/// A readable redline on one stream: `[-deleted-]`, `{+inserted+}`, and moves as `[<-moved-]` / `{+moved->}`.
public enum ProseTextFormatter {
    public static func format(_ diff: ProseDiff) -> String {
        var out = ""
        for operation in diff.operations {
            switch operation.kind {
            case .equal: out += operation.text
            case .delete: out += "[-" + operation.text + "-]"
            case .insert: out += "{+" + operation.text + "+}"
            case .move: out += operation.beforeOffset != nil ? "[<-" + operation.text + "-]" : "{+" + operation.text + "->}"
            }
        }
        return out.hasSuffix("\n") ? out : out + "\n"
    }
}

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
