import DiffEngine

/// A direct parser for `strategy diff` and `strategy merge`, used before ArgumentParser.
///
/// These two commands are run in scripts and loops on small files, where start-up time is most of the cost;
/// ArgumentParser's reflection over every command took a third of it. Anything this parser does not fully
/// understand (help, unknown or malformed options) returns nil, and ArgumentParser handles the command as usual,
/// so behaviour and messages stay the same.
enum FastFileCommands {
    static func exitStatus(for arguments: [String]) -> Int32? {
        guard let command = arguments.first else { return nil }
        switch command {
        case "diff": return parseDiff(Array(arguments.dropFirst()))?.perform()
        case "merge": return parseMerge(Array(arguments.dropFirst()))?.perform()
        default: return nil
        }
    }

    static func parseDiff(_ arguments: [String]) -> DiffRequest? {
        var request = DiffRequest()
        var files: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--minimal": request.minimal = true
            case "--words": request.words = true
            case "--algorithm", "--format", "-U", "--unified":
                guard index + 1 < arguments.count else { return nil }
                index += 1
                guard apply(argument, arguments[index], to: &request) else { return nil }
            default:
                if argument.hasPrefix("-U") && argument.count > 2 {
                    guard apply("-U", String(argument.dropFirst(2)), to: &request) else { return nil }
                } else if argument.hasPrefix("--") && argument.contains("=") {
                    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
                    guard apply(parts[0], parts[1], to: &request) else { return nil }
                } else if argument.hasPrefix("-") && argument != "-" {
                    return nil
                } else {
                    files.append(argument)
                }
            }
            index += 1
        }
        guard files.count == 2 else { return nil }
        request.old = files[0]
        request.new = files[1]
        return request
    }

    private static func apply(_ option: String, _ value: String, to request: inout DiffRequest) -> Bool {
        switch option {
        case "--algorithm":
            guard let algorithm = DiffAlgorithm(rawValue: value) else { return false }
            request.algorithm = algorithm
        case "--format":
            guard value == "unified" || value == "json" else { return false }
            request.json = value == "json"
        case "-U", "--unified":
            guard let context = Int(value), context >= 0 else { return false }
            request.context = context
        default: return false
        }
        return true
    }

    static func parseMerge(_ arguments: [String]) -> MergeRequest? {
        var request = MergeRequest()
        var files: [String] = []
        var favors = 0, styles = 0
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-p": request.toStandardOutput = true
            case "-q", "--quiet": request.quiet = true
            case "--diff3":
                request.style = .diff3
                styles += 1
            case "--zdiff3":
                request.style = .zdiff3
                styles += 1
            case "--ours":
                request.favor = .ours
                favors += 1
            case "--theirs":
                request.favor = .theirs
                favors += 1
            case "--union":
                request.favor = .union
                favors += 1
            case "-L", "--marker-size", "--diff-algorithm":
                guard index + 1 < arguments.count else { return nil }
                index += 1
                let value = arguments[index]
                if argument == "-L" {
                    request.labels.append(value)
                } else if argument == "--marker-size" {
                    guard let size = Int(value), size > 0 else { return nil }
                    request.markerSize = size
                } else {
                    guard let algorithm = DiffAlgorithm(rawValue: value) else { return nil }
                    request.algorithm = algorithm
                }
            default:
                if argument.hasPrefix("-") && argument != "-" { return nil }
                files.append(argument)
            }
            index += 1
        }
        guard files.count == 3, favors <= 1, styles <= 1, request.labels.count <= 3 else { return nil }
        request.current = files[0]
        request.base = files[1]
        request.other = files[2]
        return request
    }
}
