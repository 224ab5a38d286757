import ArgumentParser
import DiffEngine
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `strategy diff`: the diff engine on two plain files, with `diff`'s exit status (0 same, 1 different, 2 trouble).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two files line by line (or word by word with --words).",
        discussion: "Exit status: 0 if the files are the same, 1 if they differ, 2 on trouble."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case unified, json }

    @Flag(help: "Find a minimal set of changes (Myers without heuristics).") var minimal = false
    @Option(help: "myers or histogram (default).") var algorithm: DiffAlgorithm = .histogram
    @Flag(help: "Compare prose word by word, paragraphs first.") var words = false
    @Option(help: "unified (default) or json.") var format: Format = .unified
    @Option(name: [.customShort("U", allowingJoined: true), .customLong("unified")], help: "Lines of context (default 3).") var context = 3
    @Argument(help: "The old file.") var old: String
    @Argument(help: "The new file.") var new: String

    func validate() throws {
        guard context >= 0 else { throw ValidationError("-U must not be negative") }
    }

    func run() throws {
        let request = DiffRequest(
            minimal: minimal, algorithm: algorithm, words: words, json: format == .json, context: context, old: old, new: new
        )
        throw ExitCode(request.perform())
    }
}

/// What `strategy diff` was asked, however it was parsed.
struct DiffRequest {
    var minimal = false
    var algorithm = DiffAlgorithm.histogram
    var words = false
    var json = false
    var context = 3
    var old = ""
    var new = ""

    /// Runs the diff and returns diff's exit status: 0 same, 1 different, 2 trouble.
    func perform() -> Int32 {
        let before: [UInt8], after: [UInt8]
        do {
            before = try FileInput.read(old)
            after = try FileInput.read(new)
        } catch {
            FileInput.complain("strategy diff: \(error)")
            return 2
        }
        let options = DiffOptions(algorithm: algorithm, minimal: minimal)
        if words {
            let diff = ProseDiff(before: String(decoding: before, as: UTF8.self), after: String(decoding: after, as: UTF8.self), options: options)
            FileInput.write(Array((json ? ProseJSONFormatter.format(diff) : ProseTextFormatter.format(diff)).utf8))
            return diff.isIdentical ? 0 : 1
        }
        let diff = LineDiff(before: before, after: after, options: options)
        if json {
            FileInput.write(Array(EditScriptJSON.format(diff.script).utf8))
        } else {
            FileInput.write(UnifiedFormatter.format(diff, context: context, beforeLabel: old, afterLabel: new))
        }
        return diff.isIdentical ? 0 : 1
    }
}

extension DiffAlgorithm: ExpressibleByArgument {}

/// Reading inputs and writing results for the file commands, without line buffering surprises.
enum FileInput {
    /// Reads a whole file straight into an array (`-` is standard input); no intermediate `Data` copy,
    /// which showed in the profile of a million-line diff.
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ValidationError("cannot read \(path)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw ValidationError("\(path) is not a regular file")
        }
        let size = Int(status.st_size)
        return try [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                initialized += count
            }
            guard initialized == size else { throw ValidationError("cannot read \(path)") }
        }
    }

    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func complain(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
