/// Slides groups of changed tokens to natural boundaries, after git's `xdl_change_compact`.
///
/// A group of changes can often move up or down without changing the script's size (inserting `b\na\n`
/// after `a\n` is the same as inserting `a\nb\n` before it). Groups are first merged with neighbours they can
/// reach, then aligned with a change on the other side if possible, else placed by git's indent heuristic:
/// the split that keeps blank lines and indentation levels together scores best.
struct Compaction {
    /// Indentation of token `i` (tabs to 8), or -1 for a blank one; asked only around groups that can slide,
    /// so a million-line diff does not measure a million lines.
    struct Indents {
        var count: Int
        var indent: (Int) -> Int
    }

    static let maxSliding = 100

    /// Changed flags with a `false` sentinel at each end (index 0 and count + 1).
    struct Marks {
        var flags: [Bool]
        init(_ changed: [Bool]) { flags = [false] + changed + [false] }
        var count: Int { flags.count - 2 }
        subscript(index: Int) -> Bool {
            get { flags[index + 1] }
            set { flags[index + 1] = newValue }
        }
        var changed: [Bool] { Array(flags[1..<(flags.count - 1)]) }
    }

    struct Group {
        var start: Int
        var end: Int
    }

    static func compact(
        _ tokens: [Int32], _ marks: inout Marks, indents: Indents?, other otherTokens: [Int32], _ otherMarks: inout Marks
    ) {
        var group = Group(start: 0, end: 0)
        while marks[group.end] { group.end += 1 }
        var other = Group(start: 0, end: 0)
        while otherMarks[other.end] { other.end += 1 }
        while true {
            if group.end != group.start {
                var size = 0
                var earliestEnd = 0
                var endMatchingOther = -1
                repeat {
                    size = group.end - group.start
                    endMatchingOther = -1
                    while slideUp(tokens, &marks, &group) { _ = previous(otherMarks, &other) }
                    earliestEnd = group.end
                    if other.end > other.start { endMatchingOther = group.end }
                    while slideDown(tokens, &marks, &group) {
                        _ = next(otherMarks, &other)
                        if other.end > other.start { endMatchingOther = group.end }
                    }
                } while size != group.end - group.start

                if group.end == earliestEnd {
                    // Cannot move.
                } else if endMatchingOther != -1 {
                    while other.end == other.start {
                        _ = slideUp(tokens, &marks, &group)
                        _ = previous(otherMarks, &other)
                    }
                } else if let indents {
                    var shift = max(earliestEnd, group.end - size - 1, group.end - maxSliding)
                    var bestShift = -1
                    var bestScore = Score()
                    while shift <= group.end {
                        var score = Score()
                        score.add(measure(indents, split: shift))
                        score.add(measure(indents, split: shift - size))
                        if bestShift == -1 || score.compare(bestScore) <= 0 {
                            bestScore = score
                            bestShift = shift
                        }
                        shift += 1
                    }
                    while group.end > bestShift {
                        _ = slideUp(tokens, &marks, &group)
                        _ = previous(otherMarks, &other)
                    }
                }
            }
            if !next(marks, &group) { break }
            _ = next(otherMarks, &other)
        }
    }

    private static func next(_ marks: Marks, _ group: inout Group) -> Bool {
        if group.end == marks.count { return false }
        group.start = group.end + 1
        group.end = group.start
        while marks[group.end] { group.end += 1 }
        return true
    }

    private static func previous(_ marks: Marks, _ group: inout Group) -> Bool {
        if group.start == 0 { return false }
        group.end = group.start - 1
        group.start = group.end
        while marks[group.start - 1] { group.start -= 1 }
        return true
    }

    private static func slideDown(_ tokens: [Int32], _ marks: inout Marks, _ group: inout Group) -> Bool {
        guard group.end < marks.count, tokens[group.start] == tokens[group.end] else { return false }
        marks[group.start] = false
        marks[group.end] = true
        group.start += 1
        group.end += 1
        while marks[group.end] { group.end += 1 }
        return true
    }

    private static func slideUp(_ tokens: [Int32], _ marks: inout Marks, _ group: inout Group) -> Bool {
        guard group.start > 0, tokens[group.start - 1] == tokens[group.end - 1] else { return false }
        group.start -= 1
        group.end -= 1
        marks[group.start] = true
        marks[group.end] = false
        while marks[group.start - 1] { group.start -= 1 }
        return true
    }

    // MARK: git's indent heuristic

    struct Measurement {
        var endOfFile = false
        var indent = -1
        var preBlank = 0
        var preIndent = -1
        var postBlank = 0
        var postIndent = -1
    }

    static let maxBlanks = 20

    static func measure(_ indents: Indents, split: Int) -> Measurement {
        let indentOf = indents.indent
        var m = Measurement()
        if split >= indents.count { m.endOfFile = true } else { m.indent = indentOf(split) }
        var index = split - 1
        while index >= 0 {
            let indent = indentOf(index)
            if indent != -1 {
                m.preIndent = indent
                break
            }
            m.preBlank += 1
            if m.preBlank == maxBlanks {
                m.preIndent = 0
                break
            }
            index -= 1
        }
        index = split + 1
        while index < indents.count {
            let indent = indentOf(index)
            if indent != -1 {
                m.postIndent = indent
                break
            }
            m.postBlank += 1
            if m.postBlank == maxBlanks {
                m.postIndent = 0
                break
            }
            index += 1
        }
        return m
    }

    struct Score {
        var effectiveIndent = 0
        var penalty = 0

        mutating func add(_ m: Measurement) {
            if m.preIndent == -1 && m.preBlank == 0 { penalty += 1 }
            if m.endOfFile { penalty += 21 }
            let postBlank = m.indent == -1 ? 1 + m.postBlank : 0
            let totalBlank = m.preBlank + postBlank
            penalty += -30 * totalBlank
            penalty += 6 * postBlank
            let indent = m.indent != -1 ? m.indent : m.postIndent
            let anyBlanks = totalBlank != 0
            effectiveIndent += indent
            if indent == -1 || m.preIndent == -1 {
            } else if indent > m.preIndent {
                penalty += anyBlanks ? 10 : -4
            } else if indent == m.preIndent {
            } else if m.postIndent != -1 && m.postIndent > indent {
                penalty += anyBlanks ? 17 : 24
            } else {
                penalty += anyBlanks ? 17 : 23
            }
        }

        func compare(_ other: Score) -> Int {
            let indentOrder = (effectiveIndent > other.effectiveIndent ? 1 : 0) - (effectiveIndent < other.effectiveIndent ? 1 : 0)
            return 60 * indentOrder + (penalty - other.penalty)
        }
    }

    /// Indentation of a line as git counts it: spaces, tabs to the next multiple of 8; -1 if only white space.
    static func indent(of bytes: UnsafeBufferPointer<UInt8>, _ token: TokenRange) -> Int {
        var result = 0
        var index = token.start
        while index < token.end {
            switch bytes[index] {
            case 0x20: result += 1
            case 0x09: result += 8 - result % 8
            case 0x0A, 0x0D, 0x0B, 0x0C: break
            default: return min(result, 200)
            }
            if result >= 200 { return 200 }
            index += 1
        }
        return -1
    }
}
