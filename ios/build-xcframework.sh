#!/usr/bin/env bash
# Builds the binary half of the HeftKit Swift package and puts the generated
# Swift beside it:
#
#   ios/HeftKit/HeftCoreFFI.xcframework   libheft_ffi.a for iPhone (arm64) and
#                                         the simulators (arm64 + x86_64, one
#                                         lipo'd library), with the C headers
#                                         and module maps
#   ios/HeftKit/Sources/HeftCore/*.swift  the Swift API (module HeftCore)
#
# Both are build outputs (ignored by git). Needs macOS with Xcode, and Rust
# from rustup (the iOS targets are added when missing).
#
#   ios/build-xcframework.sh [--profile release-ffi|dev]
#   ios/build-xcframework.sh --stage-headers INCLUDE_DIR OUT_DIR
#
# The second form only lays out the XCFramework's headers from the
# `swift/include` directory that scripts/bindings writes; it needs neither
# macOS nor Xcode, and the checks in scripts/kotlin-tests run it.
#
# Written for the bash 3.2 that macOS ships.
set -euo pipefail
# Relative paths given on the command line are the caller's.
caller=$(pwd)
cd "$(dirname "$0")/.."

kit=ios/HeftKit
work=build/ios
profile=release-ffi
# Device first; the two simulator slices become one library.
device=aarch64-apple-ios
simulators=(aarch64-apple-ios-sim x86_64-apple-ios)
# Package.swift's `.iOS(.v16)`: the C code (SQLite) and Rust must not
# target a newer iOS than the package does.
export IPHONEOS_DEPLOYMENT_TARGET=${IPHONEOS_DEPLOYMENT_TARGET:-16.0}

die() {
    echo "build-xcframework.sh: $*" >&2
    exit 1
}

usage() {
    echo "usage: ios/build-xcframework.sh [--profile release-ffi|dev]" >&2
    echo "       ios/build-xcframework.sh --stage-headers INCLUDE_DIR OUT_DIR" >&2
    exit 2
}

# Lays out the XCFramework's Headers directory: one folder per C module,
# holding that module's module.modulemap and header, e.g.
#   OUT_DIR/HeftCoreFFI/module.modulemap + heft_ffiFFI.h
#   OUT_DIR/HeftCoreModelFFI/module.modulemap + heft_coreFFI.h
# The module.modulemap from scripts/bindings declares both modules in one
# file. Xcode copies the headers of every static-library XCFramework into one
# include/ directory, where a module.modulemap at the top would clash with
# any other package's; clang finds module M in `<search dir>/M/module.modulemap`,
# so each module gets a folder of its name and a map of its own.
stage_headers() {
    local include=$1 out=$2 module="" dir="" line
    local start='^module[[:space:]]+([A-Za-z0-9_]+)[[:space:]]*\{'
    local header='^[[:space:]]*header[[:space:]]+"([^"]+)"'
    local end='^\}[[:space:]]*$'
    [ -f "$include/module.modulemap" ] || die "no module.modulemap in $include"
    # OUT_DIR is replaced: refuse one that holds anything but staged headers.
    if [ -e "$out" ]; then
        local entry
        for entry in "$out"/*; do
            [ -e "$entry" ] || continue
            [ -f "$entry/module.modulemap" ] ||
                die "$out is not a staged headers directory (it holds $(basename "$entry")); not replacing it"
        done
    fi
    rm -rf "$out"
    mkdir -p "$out"
    while IFS= read -r line || [ -n "$line" ]; do
        if [[ $line =~ $start ]]; then
            [ -z "$module" ] || die "module ${BASH_REMATCH[1]} starts inside module $module"
            module=${BASH_REMATCH[1]}
            dir=$out/$module
            [ ! -e "$dir" ] || die "module $module is declared twice"
            mkdir "$dir"
        elif [ -z "$module" ]; then
            [ -z "${line//[[:space:]]/}" ] || die "outside any module: $line"
            continue
        fi
        printf '%s\n' "$line" >>"$dir/module.modulemap"
        if [[ $line =~ $header ]]; then
            cp "$include/${BASH_REMATCH[1]}" "$dir/" || die "$module: no header ${BASH_REMATCH[1]}"
        elif [[ $line =~ $end ]]; then
            module=""
        fi
    done <"$include/module.modulemap"
    [ -z "$module" ] || die "module $module is not closed"
    for dir in "$out"/*/; do
        [ -d "$dir" ] || die "no module in $include/module.modulemap"
        echo "ok   Headers/$(basename "$dir"): $(cd "$dir" && echo *)"
    done
}

# Fails with the reason when this machine cannot build the XCFramework.
require_xcode() {
    local os
    os=$(uname -s)
    [ "$os" = Darwin ] ||
        die "needs macOS with Xcode (xcodebuild, lipo); this is $os. The Swift package can only be built on a Mac."
    command -v xcodebuild >/dev/null || die "xcodebuild not found: install Xcode"
    xcodebuild -version >/dev/null 2>&1 ||
        die "xcodebuild does not work (only the Command Line Tools?): install Xcode, then run
    sudo xcode-select --switch /Applications/Xcode.app/Contents/Developer"
    command -v lipo >/dev/null || die "lipo not found: install Xcode"
    command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs)"
    command -v rustup >/dev/null || die "rustup not found: the iOS targets come from rustup (https://rustup.rs)"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --profile)
            [ $# -ge 2 ] || usage
            profile=$2
            shift 2
            ;;
        --stage-headers)
            [ $# -eq 3 ] || usage
            absolute() { case $1 in /*) echo "$1" ;; *) echo "$caller/$1" ;; esac; }
            stage_headers "$(absolute "$2")" "$(absolute "$3")"
            exit 0
            ;;
        *) usage ;;
    esac
done
case "$profile" in
    dev) profile_dir=debug ;;
    *) profile_dir=$profile ;;
esac

require_xcode

echo "== Swift sources, C headers and module maps (scripts/bindings)"
# The generated code depends on neither the profile nor the target: a host
# dev build (shared with `cargo test`) is enough for it.
scripts/bindings --profile dev --out "$work/bindings"

echo "== Rust targets"
installed=$(rustup target list --installed)
for target in "$device" "${simulators[@]}"; do
    if ! grep -qx "$target" <<<"$installed"; then
        rustup target add "$target"
    fi
done

echo "== libheft_ffi.a ($profile, iOS $IPHONEOS_DEPLOYMENT_TARGET)"
target_dir=${CARGO_TARGET_DIR:-target}
for target in "$device" "${simulators[@]}"; do
    cargo build --locked -p heft-ffi --lib --profile "$profile" --target "$target"
done
library() { echo "$target_dir/$1/$profile_dir/libheft_ffi.a"; }

echo "== HeftCoreFFI.xcframework"
stage_headers "$work/bindings/swift/include" "$work/headers"
rm -rf "$work/simulator"
mkdir -p "$work/simulator"
simulator_libs=()
for target in "${simulators[@]}"; do
    simulator_libs+=("$(library "$target")")
done
lipo -create "${simulator_libs[@]}" -output "$work/simulator/libheft_ffi.a"
rm -rf "$kit/HeftCoreFFI.xcframework"
xcodebuild -create-xcframework \
    -library "$(library "$device")" -headers "$work/headers" \
    -library "$work/simulator/libheft_ffi.a" -headers "$work/headers" \
    -output "$kit/HeftCoreFFI.xcframework"

echo "== Swift sources into $kit/Sources/HeftCore"
rm -rf "$kit/Sources/HeftCore"
mkdir -p "$kit/Sources/HeftCore"
cp "$work/bindings/swift/HeftCore/"*.swift "$kit/Sources/HeftCore/"

echo "== done: open $kit/Package.swift in Xcode, or add $kit to an app as a local package"
