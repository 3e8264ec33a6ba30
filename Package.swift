// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "glocal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "glocal", targets: ["glocal"]),
        .library(name: "GlocalCore", targets: ["GlocalCore"]),
        .library(name: "GlocalYAML", targets: ["GlocalYAML"]),
        .library(name: "GlocalStore", targets: ["GlocalStore"]),
        .library(name: "GlocalNetworks", targets: ["GlocalNetworks"]),
        .library(name: "GlocalSandbox", targets: ["GlocalSandbox"]),
        .library(name: "GlocalServer", targets: ["GlocalServer"]),
        .library(name: "GlocalUseCases", targets: ["GlocalUseCases"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "GlocalCore"),
        .target(name: "GlocalYAML", dependencies: ["GlocalCore", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "GlocalStore",
            dependencies: [
                "GlocalCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "GlocalNetworks", dependencies: ["GlocalCore"]),
        // The PostgreSQL store: the store protocols on a database that several nodes share.
        .target(
            name: "GlocalPostgres",
            dependencies: [
                "GlocalCore", "GlocalStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(
            name: "GlocalPostgresTests",
            dependencies: [
                "GlocalPostgres", "GlocalCore", "GlocalStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                "GlocalTestSupport",
            ]),
        .target(name: "GlocalDispatch", dependencies: ["GlocalCore", "GlocalStore", "GlocalNetworks"]),
        // E-mail digests, alerts and team webhooks (SMTP client, outbox delivery).
        .target(name: "GlocalNotify", dependencies: ["GlocalCore", "GlocalStore"]),
        .testTarget(
            name: "GlocalNotifyTests",
            dependencies: ["GlocalNotify", "GlocalCore", "GlocalStore", "GlocalPostgres", "GlocalTestSupport"]),
        .target(
            name: "GlocalSandbox",
            dependencies: [
                "GlocalCore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "GlocalUseCases",
            dependencies: [
                "GlocalCore", "GlocalYAML", "GlocalStore", "GlocalNetworks", "GlocalDispatch", "GlocalPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .target(
            name: "GlocalServer",
            dependencies: [
                "GlocalCore", "GlocalStore", "GlocalNetworks", "GlocalUseCases",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .executableTarget(
            name: "glocal",
            dependencies: [
                "GlocalCore", "GlocalYAML", "GlocalStore", "GlocalNetworks", "GlocalDispatch", "GlocalSandbox", "GlocalServer",
                "GlocalUseCases", "GlocalNotify", "GlocalPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .executableTarget(
            name: "glocal-bench",
            dependencies: ["GlocalCore", "GlocalYAML", "GlocalStore", "GlocalUseCases", .product(name: "Yams", package: "Yams")],
            path: "Sources/GlocalBench"),
        .executableTarget(
            name: "glocal-simulate", dependencies: ["GlocalCore", "GlocalSandbox"], path: "Sources/GlocalSimulation"),
        .executableTarget(
            name: "glocal-dispatch-bench",
            dependencies: ["GlocalCore", "GlocalStore", "GlocalNetworks", "GlocalDispatch", "GlocalSandbox", "GlocalPostgres"],
            path: "Sources/GlocalDispatchBench"),
        .executableTarget(name: "glocal-fuzz", dependencies: ["GlocalCore", "GlocalYAML"], path: "Sources/GlocalFuzz"),
        // What the tests use to run programs (never Foundation's Process: swift-corelibs-foundation#5472); not a product.
        .target(name: "GlocalTestSupport", path: "Tests/GlocalTestSupport"),
        .testTarget(name: "GlocalTestSupportTests", dependencies: ["GlocalTestSupport"]),
        .testTarget(name: "GlocalCoreTests", dependencies: ["GlocalCore"]),
        .testTarget(name: "GlocalYAMLTests", dependencies: ["GlocalCore", "GlocalYAML"]),
        .testTarget(name: "GlocalFuzzTests", dependencies: ["glocal-fuzz", "GlocalCore", "GlocalTestSupport"]),
        .testTarget(
            name: "GlocalStoreTests",
            dependencies: ["GlocalCore", "GlocalStore", "GlocalPostgres", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "GlocalDispatchTests",
            dependencies: ["GlocalCore", "GlocalStore", "GlocalNetworks", "GlocalDispatch", "GlocalSandbox"]),
        .testTarget(
            name: "GlocalNetworksTests",
            dependencies: [
                "GlocalCore", "GlocalNetworks", "GlocalSandbox", "GlocalTestSupport",
            ]),
        .testTarget(
            name: "GlocalSandboxTests",
            dependencies: ["GlocalSandbox", "GlocalNetworks", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(
            name: "GlocalCLITests",
            dependencies: [
                "glocal", "GlocalCore", "GlocalYAML", "GlocalStore", "GlocalUseCases", "GlocalPostgres", "GlocalTestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "GlocalUseCasesTests",
            dependencies: [
                "GlocalUseCases", "GlocalCore", "GlocalStore", "GlocalYAML", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "GlocalServerTests",
            dependencies: [
                "glocal", "GlocalCore", "GlocalYAML", "GlocalStore", "GlocalServer", "GlocalNetworks",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift"),
                "GlocalTestSupport",
            ]),
    ]
)
