/// Renders a line merge as text, byte for byte as `git merge-file` does (xdl_fill_merge_buffer): markers of
/// `markerSize` characters with optional labels, CRLF markers when the surrounding lines use CRLF, and a line
/// end added to a last line that lacks one before a marker.
public enum MergeFormatter {
    public static func format(_ merge: LineMerge) -> [UInt8] {
        switch merge.result.shortcut {
        case .takeOurs: return merge.ours
        case .takeTheirs: return merge.theirs
        case .none: break
        }
        var out: [UInt8] = []
        out.reserveCapacity(merge.ours.count + merge.theirs.count / 8)
        var next = 0
        for region in merge.result.regions {
            switch region.resolution {
            case .identical: continue
            case .conflict:
                copy(merge.ours, merge.oursLines, next..<region.ours.lowerBound, crlf: false, addNewline: false, into: &out)
                conflict(merge, region, into: &out)
            case .ours, .theirs, .both:
                copy(merge.ours, merge.oursLines, next..<region.ours.lowerBound, crlf: false, addNewline: false, into: &out)
                if region.resolution != .theirs {
                    copy(merge.ours, merge.oursLines, region.ours, crlf: needsCR(merge, region), addNewline: region.resolution == .both, into: &out)
                }
                if region.resolution != .ours {
                    copy(merge.theirs, merge.theirsLines, region.theirs, crlf: false, addNewline: false, into: &out)
                }
            }
            next = region.ours.upperBound
        }
        copy(merge.ours, merge.oursLines, next..<merge.oursLines.count, crlf: false, addNewline: false, into: &out)
        return out
    }

    static func conflict(_ merge: LineMerge, _ region: MergeRegion, into out: inout [UInt8]) {
        let options = merge.options
        let crlf = needsCR(merge, region)
        let size = options.markerSize > 0 ? options.markerSize : 7
        marker(0x3C, size, options.oursLabel, crlf, into: &out)
        copy(merge.ours, merge.oursLines, region.ours, crlf: crlf, addNewline: true, into: &out)
        if options.style != .merge {
            marker(0x7C, size, options.baseLabel, crlf, into: &out)
            copy(merge.base, merge.baseLines, region.base, crlf: crlf, addNewline: true, into: &out)
        }
        marker(0x3D, size, nil, crlf, into: &out)
        copy(merge.theirs, merge.theirsLines, region.theirs, crlf: crlf, addNewline: true, into: &out)
        marker(0x3E, size, options.theirsLabel, crlf, into: &out)
    }

    static func marker(_ character: UInt8, _ size: Int, _ label: String?, _ crlf: Bool, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(character, count: size))
        if let label {
            out.append(0x20)
            out.append(contentsOf: Array(label.utf8))
        }
        if crlf { out.append(0x0D) }
        out.append(0x0A)
    }

    static func copy(_ bytes: [UInt8], _ lines: [TokenRange], _ range: Range<Int>, crlf: Bool, addNewline: Bool, into out: inout [UInt8]) {
        guard !range.isEmpty else { return }
        out.append(contentsOf: bytes[lines[range.lowerBound].start..<lines[range.upperBound - 1].end])
        if addNewline && out.last != 0x0A {
            if crlf { out.append(0x0D) }
            out.append(0x0A)
        }
    }

    /// is_eol_crlf: 1 (CRLF), 0 (LF) or -1 (cannot tell) for line `index` of a file.
    static func lineUsesCRLF(_ bytes: [UInt8], _ lines: [TokenRange], _ index: Int) -> Int {
        func endsCRLF(_ line: TokenRange) -> Int { line.count > 1 && bytes[line.end - 2] == 0x0D ? 1 : 0 }
        if index < lines.count - 1 { return endsCRLF(lines[index]) }
        if lines.isEmpty { return -1 }
        let line = lines[index]
        if line.count > 0 && bytes[line.end - 1] == 0x0A { return endsCRLF(line) }
        if index == 0 { return -1 }
        return endsCRLF(lines[index - 1])
    }

    /// is_cr_needed: follow the line endings of the lines before the region in ours and theirs, then the base.
    static func needsCR(_ merge: LineMerge, _ region: MergeRegion) -> Bool {
        var needs = lineUsesCRLF(merge.ours, merge.oursLines, region.ours.lowerBound > 0 ? region.ours.lowerBound - 1 : 0)
        if needs != 0 { needs = lineUsesCRLF(merge.theirs, merge.theirsLines, region.theirs.lowerBound > 0 ? region.theirs.lowerBound - 1 : 0) }
        if needs != 0 { needs = lineUsesCRLF(merge.base, merge.baseLines, 0) }
        return needs > 0
    }
}
