import Foundation

/// DOCX and ODT made from the DocBook export by pandoc, when pandoc is installed (an optional runtime package);
/// without it the public page simply offers no such downloads. At most two conversions run at once.
actor Pandoc {
    enum Format: String, CaseIterable, Sendable {
        case docx, odt

        var contentType: String {
            switch self {
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .odt: "application/vnd.oasis.opendocument.text"
            }
        }
    }

    struct Busy: Error {}
    struct Failed: Error {}

    /// The executable, if installed.
    nonisolated let path: String?
    private var running = 0
    private let limit = 2

    init(searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") {
        path = searchPath.split(separator: ":").map { "\($0)/pandoc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    nonisolated var isAvailable: Bool { path != nil }

    /// Converts a DocBook document; `Busy` when two conversions are already running.
    func convert(_ docbook: [UInt8], to format: Format) async throws -> [UInt8] {
        guard let path else { throw Failed() }
        guard running < limit else { throw Busy() }
        running += 1
        defer { running -= 1 }
        return try await Self.run(path: path, input: docbook, format: format)
    }

    private static func run(path: String, input: [UInt8], format: Format) async throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pandoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("strategy.xml")
        let target = directory.appendingPathComponent("strategy.\(format.rawValue)")
        try Data(input).write(to: source)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--from=docbook", "--to=\(format.rawValue)", "--output=\(target.path)", source.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        guard status == 0 else { throw Failed() }
        return Array(try Data(contentsOf: target))
    }
}
