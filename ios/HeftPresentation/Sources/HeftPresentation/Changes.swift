import Foundation
import HeftCore

/// The store's change notices, fanned out to every view model: the core
/// keeps one listener per store, and a folder sync that merged a file on
/// another thread must refresh whichever screens show what changed.
public final class Changes: ChangeListener, @unchecked Sendable {
    private struct Subscriber {
        weak var owner: AnyObject?
        let kinds: Set<ScreenKind>
        let refresh: @MainActor () -> Void
    }

    // Touched on the main actor only.
    @MainActor private var subscribers: [Subscriber] = []

    /// Notices that nothing sends but a test (or `of(_:)`, which listens).
    public init() {}

    /// Listens to `store`'s changes: the one listener the store keeps.
    public static func of(_ store: any HeftStoreProtocol) throws -> Changes {
        let changes = Changes()
        try store.onChange(listener: changes)
        return changes
    }

    /// Called by the core on the thread that wrote, after the commit; never
    /// blocks it and never writes to the store from inside.
    public func onChange(screens: [ScreenKind]) throws {
        Task { @MainActor [weak self] in
            self?.deliver(screens)
        }
    }

    /// Calls `refresh` while `owner` lives, whenever a notice names one of `kinds`.
    @MainActor
    public func subscribe(_ owner: AnyObject, to kinds: Set<ScreenKind>, refresh: @escaping @MainActor () -> Void) {
        subscribers.append(Subscriber(owner: owner, kinds: kinds, refresh: refresh))
    }

    /// Hands a notice to the view models whose screens it names.
    @MainActor
    public func deliver(_ screens: [ScreenKind]) {
        subscribers.removeAll { $0.owner == nil }
        let stale = Set(screens)
        for subscriber in subscribers where !subscriber.kinds.isDisjoint(with: stale) {
            subscriber.refresh()
        }
    }
}
