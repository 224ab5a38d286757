/// Aligns the paragraphs of two texts, pairing edited paragraphs with their new versions.
///
/// Exact matching alone aligns on whatever is identical, often the blank-line separators, and then an edited
/// paragraph and its new version land in different regions and show as a deletion plus an insertion. Up to
/// `maxCells` paragraph pairs, a weighted longest common subsequence pairs paragraphs that share at least half
/// their words (exact matches weigh most, separators least). Larger texts use the exact diff.
enum ParagraphAligner {
    enum Step {
        case equal(Int, Int)
        case similar(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    static let maxCells = 160_000
    static let minimumSimilarity = 0.5

    /// Aligns paragraphs given as ids (exact bytes) with their words as ids (for similarity).
    static func align(
        beforeIDs: [Int32], afterIDs: [Int32], distinct: Int, beforeWords: [[Int32]], afterWords: [[Int32]], options: DiffOptions
    ) -> [Step] {
        let n = beforeIDs.count, m = afterIDs.count
        if n * m > maxCells { return exact(beforeIDs, afterIDs, distinct: distinct, options: options) }
        let beforeSets = beforeWords.map { Array(Set($0)).sorted() }, afterSets = afterWords.map { Array(Set($0)).sorted() }
        func weight(_ i: Int, _ j: Int) -> Double? {
            if beforeIDs[i] == afterIDs[j] { return beforeSets[i].isEmpty ? 0.05 : 1.0 }
            let a = beforeSets[i], b = afterSets[j]
            guard !a.isEmpty, !b.isEmpty, min(a.count, b.count) * 2 >= max(a.count, b.count) else { return nil }
            var x = 0, y = 0, common = 0
            while x < a.count && y < b.count {
                if a[x] == b[y] {
                    common += 1
                    x += 1
                    y += 1
                } else if a[x] < b[y] {
                    x += 1
                } else {
                    y += 1
                }
            }
            let similarity = Double(common) / Double(a.count + b.count - common)
            return similarity >= minimumSimilarity ? 0.9 * similarity : nil
        }
        // score[i][j]: best total weight aligning before[i...] with after[j...].
        var score = [Double](repeating: 0, count: (n + 1) * (m + 1))
        let width = m + 1
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                var best = max(score[(i + 1) * width + j], score[i * width + j + 1])
                if let w = weight(i, j) { best = max(best, score[(i + 1) * width + j + 1] + w) }
                score[i * width + j] = best
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m, let w = weight(i, j), score[i * width + j] == score[(i + 1) * width + j + 1] + w {
                steps.append(beforeIDs[i] == afterIDs[j] ? .equal(i, j) : .similar(i, j))
                i += 1
                j += 1
            } else if i < n && (j == m || score[i * width + j] == score[(i + 1) * width + j]) {
                steps.append(.delete(i))
                i += 1
            } else {
                steps.append(.insert(j))
                j += 1
            }
        }
        return steps
    }

    static func exact(_ before: [Int32], _ after: [Int32], distinct: Int, options: DiffOptions) -> [Step] {
        var steps: [Step] = []
        for edit in Differ.diff(before: before, after: after, distinct: distinct, options: options).edits {
            switch edit.kind {
            case .equal: for (i, j) in zip(edit.before, edit.after) { steps.append(.equal(i, j)) }
            case .delete: for i in edit.before { steps.append(.delete(i)) }
            case .insert, .move: for j in edit.after { steps.append(.insert(j)) }
            }
        }
        return steps
    }
}
