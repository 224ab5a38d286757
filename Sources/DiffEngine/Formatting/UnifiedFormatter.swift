/// Unified diff text, byte-identical in format to GNU diff and git: `@@ -s,l +s,l @@` (`,l` omitted when 1,
/// start one less when the range is empty), and `\ No newline at end of file` after a last line without one.
public enum UnifiedFormatter {
    public static func format(_ diff: LineDiff, context: Int = 3, beforeLabel: String? = nil, afterLabel: String? = nil) -> [UInt8] {
        let hunks = HunkBuilder.hunks(diff.script, context: context)
        var out: [UInt8] = []
        guard !hunks.isEmpty else { return out }
        if let beforeLabel { out.append(contentsOf: Array("--- \(beforeLabel)\n".utf8)) }
        if let afterLabel { out.append(contentsOf: Array("+++ \(afterLabel)\n".utf8)) }
        for hunk in hunks {
            out.append(contentsOf: Array("@@ -\(range(hunk.before)) +\(range(hunk.after)) @@\n".utf8))
            for edit in hunk.edits {
                switch edit.kind {
                case .equal: for i in edit.before { line(0x20, diff.beforeLine(i), into: &out) }
                case .delete: for i in edit.before { line(0x2D, diff.beforeLine(i), into: &out) }
                case .insert, .move: for j in edit.after { line(0x2B, diff.afterLine(j), into: &out) }
                }
            }
        }
        return out
    }

    static func range(_ range: Range<Int>) -> String {
        switch range.count {
        case 0: "\(range.lowerBound),0"
        case 1: "\(range.lowerBound + 1)"
        default: "\(range.lowerBound + 1),\(range.count)"
        }
    }

    static func line(_ marker: UInt8, _ text: ArraySlice<UInt8>, into out: inout [UInt8]) {
        out.append(marker)
        out.append(contentsOf: text)
        if text.last != 0x0A {
            out.append(0x0A)
            out.append(contentsOf: Array("\\ No newline at end of file\n".utf8))
        }
    }
}
