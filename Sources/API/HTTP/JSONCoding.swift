import Foundation

/// How request bodies are decoded (responses are written by `JSONWriter`).
enum JSONCoding {
    static let decoder = JSONDecoder()
}
