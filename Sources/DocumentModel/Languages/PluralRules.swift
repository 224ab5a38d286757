/// CLDR's plural categories for the interface's languages, for whole numbers (counts). English and Albanian
/// have one and other; Serbian (in both scripts) one, few and other: 1, 21, 31… take one; 2–4, 22–24… few;
/// 0, 5–20, 25–30, 111–114… other.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one
    case few
    case other

    /// The category of `count` in `language` (a BCP 47 tag: `sr-Cyrl` counts as `sr`); languages without rules
    /// of their own count as English does.
    public init(_ count: Int, language: String) {
        let base = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        let n = count.magnitude
        switch base {
        case "sr", "bs", "hr", "sh":
            let (units, tens) = (n % 10, n % 100)
            if units == 1 && tens != 11 {
                self = .one
            } else if (2...4).contains(units) && !(12...14).contains(tens) {
                self = .few
            } else {
                self = .other
            }
        default:
            self = n == 1 ? .one : .other
        }
    }
}
