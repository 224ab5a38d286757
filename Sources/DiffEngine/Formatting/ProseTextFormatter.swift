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
