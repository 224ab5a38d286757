/// Serbian's two scripts: Latin text written in Cyrillic, letter for letter, as Serbian orthography defines it,
/// so that an interface or a text kept in one script exists in the other without a second translation that could
/// drift. `lj`, `nj` and `dž` are one letter each (љ, њ, џ), in any case (`Lj`, `LJ`); the few words where the
/// two letters meet across a prefix (`nadživeti`, `konjunkcija`) keep them apart. What is not Serbian is kept as
/// written: `{placeholders}`, web and mail addresses, and the names of formats and products (`DocBook`, `API`).
public enum SerbianScript {
    /// Words (and the start of words) that stay in Latin letters: names of formats, products, keys and protocols.
    public static let keptWords: Set<String> = [
        "API", "Authorization", "Bearer", "CSV", "Ctrl", "DOCTYPE", "DOCX", "DTD", "DocBook", "MB", "ODT", "OpenDocument",
        "Shift", "Word", "XML", "http", "https", "mailto", "stk",
    ]

    /// Word beginnings where `dž` or `nj` are two letters (a prefix ending in d or n before a stem beginning with ž
    /// or j), with the position of the pair's first letter.
    static let splitDigraphs: [(prefix: String, at: Int)] = [
        ("nadž", 2), ("odž", 1), ("podž", 2), ("predž", 3), ("konjunk", 2), ("konjug", 2), ("injek", 1), ("vanjezi", 2),
    ]

    /// `text` in Cyrillic.
    public static func cyrillic(fromLatin text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            // A `{placeholder}`: kept whole.
            if character == "{", let close = text[index...].firstIndex(of: "}") {
                out += text[index...close]
                index = text.index(after: close)
                continue
            }
            if character.isLetter {
                let end = text[index...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? text.endIndex
                let word = text[index..<end]
                // An address: everything up to the next space or closing bracket stays as written.
                if ["http", "https", "mailto"].contains(String(word)), end < text.endIndex, text[end] == ":" {
                    let stop = text[end...].firstIndex { $0.isWhitespace || $0 == ")" || $0 == "”" || $0 == "\"" } ?? text.endIndex
                    out += text[index..<stop]
                    index = stop
                    continue
                }
                out += keptWords.contains(String(word)) ? String(word) : transliterate(word)
                index = end
                continue
            }
            out.append(character)
            index = text.index(after: index)
        }
        return out
    }

    /// One word, letter by letter.
    static func transliterate(_ word: Substring) -> String {
        let lower = word.lowercased()
        let split = splitDigraphs.first { lower.hasPrefix($0.prefix) }?.at
        let letters = Array(word)
        var out = ""
        var i = 0
        while i < letters.count {
            if i + 1 < letters.count, i != split {
                let pair = String(letters[i...i + 1]).lowercased()
                if let digraph = digraphs[pair] {
                    // Upper case if the first letter is: Lj and LJ are both Љ.
                    out += letters[i].isUppercase ? digraph.uppercased() : digraph
                    i += 2
                    continue
                }
            }
            let letter = letters[i]
            if let mapped = Self.letters[Character(letter.lowercased())] {
                out += letter.isUppercase ? mapped.uppercased() : String(mapped)
            } else {
                out.append(letter)
            }
            i += 1
        }
        return out
    }

    static let digraphs: [String: String] = ["lj": "љ", "nj": "њ", "dž": "џ"]

    static let letters: [Character: Character] = [
        "a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "đ": "ђ", "e": "е", "ž": "ж", "z": "з", "i": "и", "j": "ј",
        "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "ć": "ћ", "u": "у",
        "f": "ф", "h": "х", "c": "ц", "č": "ч", "š": "ш",
        // The digraphs' single-code-point forms (ǆ, ǉ, ǌ), as some keyboards and converters write them.
        "ǆ": "џ", "ǉ": "љ", "ǌ": "њ",
    ]
}
