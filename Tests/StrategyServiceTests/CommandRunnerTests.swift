import Foundation
import Testing

@Suite struct CommandRunnerTests {
    /// A child that writes more than a pipe holds (64 KiB) to standard error before it writes to standard output
    /// must not deadlock the runner.
    @Test(.timeLimit(.minutes(1))) func aChildWritingMuchToStandardErrorIsReadWhole() throws {
        let script = "head -c 300000 /dev/zero | tr '\\0' e >&2; head -c 300000 /dev/zero | tr '\\0' o"
        let result = try CommandRunner.run(
            ["-c", script], in: try CommandRunner.temporaryDirectory(), executable: URL(fileURLWithPath: "/bin/sh")
        )
        #expect(result.status == 0)
        #expect(result.error.utf8.count == 300_000 && result.error.allSatisfy { $0 == "e" })
        #expect(result.output.utf8.count == 300_000 && result.output.allSatisfy { $0 == "o" })
    }
}
