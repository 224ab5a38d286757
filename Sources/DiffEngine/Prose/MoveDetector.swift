/// Finds text deleted in one place and inserted unchanged elsewhere, and reports both runs as a move.
enum MoveDetector {
    static func mark(_ operations: inout [ProseOperation], minimumLetters: Int) {
        var insertsByText: [String: [Int]] = [:]
        for (index, operation) in operations.enumerated() where operation.kind == .insert {
            insertsByText[operation.text, default: []].append(index)
        }
        for index in operations.indices where operations[index].kind == .delete {
            // Only the exact same text is a move; a difference in surrounding white space stays a plain edit.
            let key = operations[index].text
            guard letterCount(key) >= minimumLetters, var candidates = insertsByText[key], !candidates.isEmpty else { continue }
            let partner = candidates.removeFirst()
            insertsByText[key] = candidates
            operations[index].kind = .move
            operations[index].beforeOffset = 0  // marks the departure side until offsets are assigned
            operations[index].partner = partner
            operations[partner].kind = .move
            operations[partner].afterOffset = 0
            operations[partner].partner = index
        }
    }

    /// Links each paragraph-level move departure to its arrival (same text, in order), so both carry `partner`.
    static func pair(_ operations: inout [ProseOperation]) {
        var arrivals: [String: [Int]] = [:]
        for (index, operation) in operations.enumerated() where operation.kind == .move && operation.partner == nil && operation.afterOffset != nil {
            arrivals[operation.text, default: []].append(index)
        }
        for index in operations.indices
        where operations[index].kind == .move && operations[index].partner == nil && operations[index].beforeOffset != nil {
            guard var candidates = arrivals[operations[index].text], !candidates.isEmpty else { continue }
            let partner = candidates.removeFirst()
            arrivals[operations[index].text] = candidates
            operations[index].partner = partner
            operations[partner].partner = index
        }
    }

    static func letterCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (WordTokenizer.classify($1) == .word ? 1 : 0) }
    }
}
