import DiffEngine

/// Which translation unit each block of one source revision is: the identity a translation attaches to.
///
/// A revision's blocks (paragraphs, list items) are found by the Markdown parser; their identities come from the
/// previous layout, carried through the diff engine's position map as comment anchors are, so that editing one
/// paragraph changes the text of exactly one unit, a moved block keeps its unit, and only a new block is a new one.
public struct UnitLayout: Sendable, Equatable {
    public struct Unit: Sendable, Equatable {
        /// Stable within the section: `u1`, `u2`, … in the order blocks first appeared.
        public var id: Int
        public var block: MarkdownSubset.SourceBlock

        public var name: String { "u\(id)" }
    }

    public var units: [Unit]
    /// The id the next new block gets (ids are never reused, so a removed unit's history stays its own).
    public var nextUnit: Int

    /// The first layout of a body: its blocks numbered in order.
    public init(first body: String) {
        let blocks = MarkdownSubset.sourceBlocks(body)
        units = blocks.enumerated().map { Unit(id: $0.offset + 1, block: $0.element) }
        nextUnit = blocks.count + 1
    }

    init(units: [Unit], nextUnit: Int) {
        self.units = units
        self.nextUnit = nextUnit
    }

    /// The layout of `after`, given this layout of `before`.
    ///
    /// Each old unit's range is carried onto `after` (never lost: a deleted one becomes empty); a new block takes
    /// the identity of the old unit that covers most of it, each old unit going to one block at most, larger
    /// overlaps first. So a split keeps the identity on its larger half, a join on the larger part joined, and a
    /// new block, or a block no old unit reaches, is a new unit.
    public func carried(from before: String, to after: String) -> UnitLayout {
        guard before != after else { return self }
        let blocks = MarkdownSubset.sourceBlocks(after)
        let map = PositionMap(before: before, after: after)
        var candidates: [(overlap: Int, old: Int, new: Int)] = []
        var blockIndex = 0
        let carried = units.map { map.carry($0.block.range) }
        for (old, range) in carried.enumerated() where !range.isEmpty {
            // Blocks are in order, so only those from the first one ending after the range's start can overlap.
            blockIndex = 0
            while blockIndex < blocks.count && blocks[blockIndex].range.upperBound <= range.lowerBound { blockIndex += 1 }
            var index = blockIndex
            while index < blocks.count && blocks[index].range.lowerBound < range.upperBound {
                let overlap = min(range.upperBound, blocks[index].range.upperBound) - max(range.lowerBound, blocks[index].range.lowerBound)
                if overlap > 0 { candidates.append((overlap, old, index)) }
                index += 1
            }
        }
        candidates.sort { ($0.overlap, -$0.old, -$0.new) > ($1.overlap, -$1.old, -$1.new) }
        var identity = [Int?](repeating: nil, count: blocks.count)
        var taken = Set<Int>()
        for candidate in candidates where identity[candidate.new] == nil && !taken.contains(candidate.old) {
            identity[candidate.new] = units[candidate.old].id
            taken.insert(candidate.old)
        }
        var next = nextUnit
        let units = blocks.enumerated().map { index, block in
            if let id = identity[index] { return Unit(id: id, block: block) }
            defer { next += 1 }
            return Unit(id: next, block: block)
        }
        return UnitLayout(units: units, nextUnit: next)
    }

    /// The source text of each unit, by id, in `body` (the body this layout was made for).
    public func texts(in body: String) -> [(unit: Unit, text: String)] {
        let bytes = Array(body.utf8)
        return units.map { ($0, String(decoding: bytes[$0.block.range], as: UTF8.self)) }
    }
}

extension UnitLayout {
    /// The stored form: `id kind list start end` per unit, units separated by `;` (kind `p`, `b` or `n`).
    var encoded: String {
        units.map { unit in
            let kind =
                switch unit.block.kind {
                case .paragraph: "p"
                case .bulletList: "b"
                case .numberedList: "n"
                }
            return "\(unit.id) \(kind) \(unit.block.list) \(unit.block.range.lowerBound) \(unit.block.range.upperBound)"
        }.joined(separator: ";")
    }

    init(encoded: String, nextUnit: Int) {
        let units = encoded.split(separator: ";").compactMap { entry -> Unit? in
            let fields = entry.split(separator: " ")
            guard fields.count == 5, let id = Int(fields[0]), let list = Int(fields[2]), let start = Int(fields[3]),
                let end = Int(fields[4]), start <= end
            else { return nil }
            let kind: MarkdownSubset.BlockKind = fields[1] == "b" ? .bulletList : fields[1] == "n" ? .numberedList : .paragraph
            return Unit(id: id, block: MarkdownSubset.SourceBlock(kind: kind, list: list, range: start..<end))
        }
        self.init(units: units, nextUnit: nextUnit)
    }
}
