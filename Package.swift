// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "StrategyService",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "strategy", targets: ["StrategyService"]),
        .library(name: "DiffEngine", targets: ["DiffEngine"]),
        .library(name: "DocumentModel", targets: ["DocumentModel"]),
        .library(name: "API", targets: ["API"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // multipart/form-data, for the one page that uploads a file (Import a DocBook document).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Test-only: the spec test reads openapi.yaml with a real YAML parser.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The diff engine depends on nothing: it is ours by design.
        .target(name: "DiffEngine"),
        // libxml2 (Debian libxml2-dev), for DocBook export and import; only DocumentModel/DocBook/LibXML.swift imports it.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "DocumentModel",
            dependencies: [
                "DiffEngine",
                "CLibXML2",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for reading a blob column in place where a scan reads thousands of rows.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                // bcrypt, for the passwords people sign in to the browser interface with.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                // Write batch sizes and commit (fsync) times; the executable decides where metrics go.
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "API",
            dependencies: [
                "DocumentModel",
                "DiffEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                // The browser interface's templates (Sources/API/Web renders them, Resources/Web holds them).
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                // `GET /metrics`: swift-metrics' Prometheus backend and its text exposition.
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // Resources/Web: the templates, the message catalogs (one file per language) and the two assets.
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/Web")]
        ),
        .executableTarget(
            name: "StrategyService",
            dependencies: [
                "API",
                "DocumentModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                // To bound how long a shutdown may take (`ServeCommand`).
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // What the test targets share (seeded random input, a gate that holds work), instead of a copy in each.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DiffEngineTests", dependencies: ["DiffEngine", "TestSupport"]),
        .testTarget(
            name: "DocumentModelTests",
            dependencies: ["DocumentModel", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "APITests",
            dependencies: [
                "API",
                "DocumentModel",
                "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "StrategyServiceTests",
            dependencies: ["DocumentModel"],
        ),
    ],
    swiftLanguageModes: [.v6]
)
