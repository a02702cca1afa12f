// swift-tools-version: 5.9
//
// HeftPresentation: the view models of the iOS app, one per screen, over
// HeftKit's generated `HeftStoreProtocol`. No SwiftUI or UIKit import: they
// build and their tests run wherever Swift, Observation and HeftCore do.
// The app (../HeftApp) draws their state and sends them what the person did.

import PackageDescription

let package = Package(
    name: "HeftPresentation",
    platforms: [
        // Observation (`@Observable`) needs iOS 17 / macOS 14.
        .iOS(.v17),
        .macOS(.v14),
    ],
    products: [
        .library(name: "HeftPresentation", targets: ["HeftPresentation"]),
    ],
    dependencies: [
        .package(path: "../HeftKit"),
    ],
    targets: [
        .target(
            name: "HeftPresentation",
            dependencies: [.product(name: "HeftCore", package: "HeftKit")],
            path: "Sources/HeftPresentation"
        ),
        .testTarget(
            name: "HeftPresentationTests",
            dependencies: ["HeftPresentation", .product(name: "HeftCore", package: "HeftKit")],
            path: "Tests/HeftPresentationTests"
        ),
    ]
)
