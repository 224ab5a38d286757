import ArgumentParser
import DiffEngine
import Foundation

/// `strategy merge`: a three-way file merge with the arguments and exit status of `git merge-file`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Three-way merge: incorporate the changes from BASE to OTHER into CURRENT.",
        discussion: """
            Like `git merge-file`: the result replaces CURRENT unless -p is given. The exit status is the number \
            of conflicts (at most 127), or 255 on trouble. The default diff algorithm is Myers, as git's, so the \
            output is the same as `git merge-file`'s; the service's own merges use histogram.
            """
    )

    @Flag(name: .customShort("p"), help: "Write the result to standard output instead of CURRENT.") var stdout = false
    @Flag(help: "Show the base lines in conflicts.") var diff3 = false
    @Flag(help: "As --diff3, with lines both sides agree on moved out of conflicts.") var zdiff3 = false
    @Flag(help: "Resolve conflicts with our side.") var ours = false
    @Flag(help: "Resolve conflicts with their side.") var theirs = false
    @Flag(help: "Resolve conflicts with both sides, ours first.") var union = false
    @Option(name: .customShort("L"), parsing: .singleValue, help: "Labels for CURRENT, BASE and OTHER (up to three).")
    var labels: [String] = []
    @Option(name: .customLong("marker-size"), help: "Length of the conflict markers (default 7).") var markerSize = 7
    @Option(name: .customLong("diff-algorithm"), help: "myers (default) or histogram.") var algorithm: DiffAlgorithm = .myers
    @Flag(name: .shortAndLong, help: "Do not warn about conflicts.") var quiet = false
    @Argument(help: "Our version; replaced by the result unless -p.") var current: String
    @Argument(help: "The common ancestor.") var base: String
    @Argument(help: "Their version.") var other: String

    func validate() throws {
        if diff3 && zdiff3 { throw ValidationError("--diff3 and --zdiff3 exclude each other") }
        if [ours, theirs, union].filter({ $0 }).count > 1 { throw ValidationError("choose one of --ours, --theirs, --union") }
        if labels.count > 3 { throw ValidationError("at most three -L labels") }
        if markerSize < 1 { throw ValidationError("--marker-size must be positive") }
    }

    func run() throws {
        let favor: MergeFavor? = ours ? .ours : theirs ? .theirs : union ? .union : nil
        let request = MergeRequest(
            toStandardOutput: stdout, style: zdiff3 ? .zdiff3 : diff3 ? .diff3 : .merge, favor: favor, labels: labels,
            markerSize: markerSize, algorithm: algorithm, quiet: quiet, current: current, base: base, other: other
        )
        throw ExitCode(request.perform())
    }
}

/// What `strategy merge` was asked, however it was parsed.
struct MergeRequest {
    var toStandardOutput = false
    var style = MergeStyle.merge
    var favor: MergeFavor?
    var labels: [String] = []
    var markerSize = 7
    var algorithm = DiffAlgorithm.myers
    var quiet = false
    var current = ""
    var base = ""
    var other = ""

    /// Runs the merge and returns git merge-file's exit status: conflicts (at most 127), 255 on trouble.
    func perform() -> Int32 {
        let currentBytes: [UInt8], baseBytes: [UInt8], otherBytes: [UInt8]
        do {
            currentBytes = try FileInput.read(current)
            baseBytes = try FileInput.read(base)
            otherBytes = try FileInput.read(other)
        } catch {
            FileInput.complain("strategy merge: \(error)")
            return 255
        }
        let options = MergeOptions(
            style: style, favor: favor, markerSize: markerSize,
            oursLabel: labels.count > 0 ? labels[0] : current, baseLabel: labels.count > 1 ? labels[1] : base,
            theirsLabel: labels.count > 2 ? labels[2] : other, algorithm: algorithm
        )
        let merge = LineMerge(base: baseBytes, ours: currentBytes, theirs: otherBytes, options: options)
        let text = merge.text()
        if toStandardOutput {
            FileInput.write(text)
        } else {
            do {
                try Data(text).write(to: URL(fileURLWithPath: current))
            } catch {
                FileInput.complain("strategy merge: cannot write \(current)")
                return 255
            }
        }
        let conflicts = merge.conflictCount
        if conflicts > 0 && !quiet && !toStandardOutput { FileInput.complain("warning: conflicts during merge") }
        return Int32(min(conflicts, 127))
    }
}
