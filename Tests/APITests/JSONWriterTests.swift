import Foundation
import Testing

@testable import API

@Suite struct JSONWriterTests {
    @Test func writtenJSONParsesBackToTheSameValues() throws {
        let tricky = "quote \" backslash \\ slash / tab \t newline \n cr \r bell \u{7} emoji 🧒🏽 é ]]> <tag>"
        var json = JSONWriter()
        json.object { json in
            json.field("a", tricky)
            json.field("b", 42)
            json.field("c", nil as String?)
            json.key("d")
            json.array([1, 2, 3]) { json, value in json.int(value) }
            json.key("e")
            json.array(["x", "y"]) { json, value in
                json.object { json in
                    json.field("ok", true)
                    json.field("v", value)
                }
            }
            json.key("f")
            json.array([Int]()) { json, value in json.int(value) }
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(object["a"] as? String == tricky)
        #expect(object["b"] as? Int == 42)
        #expect(object["c"] is NSNull)
        #expect(object["d"] as? [Int] == [1, 2, 3])
        #expect((object["e"] as? [[String: Any]])?.compactMap { $0["v"] as? String } == ["x", "y"])
        #expect((object["f"] as? [Int])?.isEmpty == true)
        #expect(!String(decoding: json.bytes, as: UTF8.self).contains("\\/"))
    }
}

@Suite struct JSONWriterCompatibilityTests {
    /// Bodies once written by Foundation's encoder (sorted keys, unescaped slashes) keep their bytes: every
    /// character a stored text can hold is escaped the same way.
    @Test func stringsAreWrittenAsTheEncoderWroteThem() throws {
        var samples = (0x20..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["\t", "\n", "\r", "\u{7F}", "\u{85}", "\u{A0}", "é", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}", "🧒🏽", "a/b", "</script>"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for sample in samples {
            var json = JSONWriter()
            json.object { json in json.field("text", sample) }
            let expected = try encoder.encode(["text": sample])
            #expect(json.bytes == Array(expected), "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
