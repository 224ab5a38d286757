import Foundation

extension StakeholderGroup {
    /// Groups as a person names them (a form gives names only), in order: each gets a key made from its name —
    /// lower-case Latin letters, digits and hyphens, as the API's keys are — unique within the list. Blank names
    /// are left out.
    public static func named(_ names: [String]) -> [StakeholderGroup] {
        var taken: Set<String> = []
        var groups: [StakeholderGroup] = []
        for name in names.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !name.isEmpty {
            let base = key(for: name) ?? "group-\(groups.count + 1)"
            var key = base
            var suffix = 2
            while !taken.insert(key).inserted {
                key = "\(base)-\(suffix)"
                suffix += 1
            }
            groups.append(StakeholderGroup(key: key, name: name))
        }
        return groups
    }

    /// `Civil society` → `civil-society`, `Shoqëria civile` → `shoqeria-civile`, `Građani` → `gradjani`,
    /// `Влада` → `vlada`; nil when nothing of the name is left (then the caller numbers the group).
    static func key(for name: String) -> String? {
        let latin = name.applyingTransform(.toLatin, reverse: false) ?? name
        let folded = latin.replacingOccurrences(of: "đ", with: "dj").replacingOccurrences(of: "Đ", with: "Dj")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var key = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(scalar)
            } else if !key.isEmpty && !key.hasSuffix("-") {
                key += "-"
            }
        }
        // Room for a suffix that tells two groups of the same name apart, within the 40 a key may have.
        key = String(key.prefix(36))
        while key.hasSuffix("-") { key.removeLast() }
        return key.isEmpty ? nil : key
    }
}
