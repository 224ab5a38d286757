import Foundation

/// Where the browser interface's files are: `Resources/Web` of the API module, copied beside the executable.
enum WebResources {
    static func directory(_ name: String) throws -> URL {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Web/\(name)", isDirectory: true),
            FileManager.default.fileExists(atPath: root.path)
        else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Web/\(name)"]) }
        return root
    }
}
