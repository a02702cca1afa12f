// swift-tools-version: 5.9
//
// HeftKit: the Heft core for iOS apps, which `import HeftCore`.
//
// - HeftCoreFFI: the Rust library (libheft_ffi.a) with its C headers, as an
//   XCFramework for iPhone and the simulators;
// - HeftCore: the Swift API generated from the same library.
//
// Both are build outputs of ../build-xcframework.sh (not in git): run it
// before opening this package.

import PackageDescription

let package = Package(
    name: "HeftKit",
    platforms: [
        // Keep in step with IPHONEOS_DEPLOYMENT_TARGET in build-xcframework.sh.
        .iOS(.v16),
    ],
    products: [
        .library(name: "HeftCore", targets: ["HeftCore"]),
    ],
    targets: [
        .binaryTarget(
            name: "HeftCoreFFI",
            path: "HeftCoreFFI.xcframework"
        ),
        .target(
            name: "HeftCore",
            dependencies: ["HeftCoreFFI"],
            path: "Sources/HeftCore",
            linkerSettings: [
                // The library reads the time zone through CoreFoundation
                // (chrono's iana-time-zone); a static library cannot say so.
                .linkedFramework("CoreFoundation"),
            ]
        ),
        .testTarget(
            name: "HeftCoreTests",
            dependencies: ["HeftCore"],
            path: "Tests/HeftCoreTests"
        ),
    ]
)
