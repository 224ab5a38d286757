import Foundation
import Testing

/// `strategy diff` and `strategy merge` behave like diff and git merge-file for scripts.
@Suite struct FileCommandTests {
    func files(_ contents: [String: String]) throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        for (name, text) in contents { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    @Test func diffExitsZeroOneOrTwo() throws {
        let directory = try files(["a": "x\ny\n", "b": "x\nz\n", "c": "x\ny\n"])
        #expect(try CommandRunner.run(["diff", "a", "c"], in: directory).status == 0)
        let different = try CommandRunner.run(["diff", "-U0", "a", "b"], in: directory)
        #expect(different.status == 1)
        #expect(different.output == "--- a\n+++ b\n@@ -2 +2 @@\n-y\n+z\n")
        // The same through ArgumentParser's path (an option spelled with '=' and one the fast path leaves alone).
        #expect(try CommandRunner.run(["diff", "--unified=0", "--algorithm", "myers", "a", "b"], in: directory).output == different.output)
        #expect(try CommandRunner.run(["diff", "a", "missing"], in: directory).status == 2)
        #expect(try CommandRunner.run(["diff", "--no-such-flag", "a", "b"], in: directory).status != 0)
        let json = try CommandRunner.run(["diff", "--format", "json", "a", "b"], in: directory)
        #expect(json.output.hasPrefix("{\"edits\":["))
        let words = try CommandRunner.run(["diff", "--words", "a", "b"], in: directory)
        #expect(words.output == "x\n[-y-]{+z+}\n")
    }

    @Test func mergeCountsConflictsAndWritesCurrentInPlace() throws {
        let directory = try files([
            "base": "a\nb\nc\nd\ne\n", "ours": "a\nB1\nc\nd\ne\n", "theirs": "a\nB2\nc\nd\ne\n", "clean": "a\nb\nc\nd\nE\n",
        ])
        let printed = try CommandRunner.run(["merge", "-p", "-L", "mine", "-L", "old", "-L", "yours", "ours", "base", "theirs"], in: directory)
        #expect(printed.status == 1)
        #expect(printed.output == "a\n<<<<<<< mine\nB1\n=======\nB2\n>>>>>>> yours\nc\nd\ne\n")
        let inPlace = try CommandRunner.run(["merge", "ours", "base", "clean"], in: directory)
        #expect(inPlace.status == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("ours"), encoding: .utf8) == "a\nB1\nc\nd\nE\n")
        #expect(try CommandRunner.run(["merge", "--ours", "--theirs", "ours", "base", "clean"], in: directory).status != 0)
    }
}
