import HeftPresentation
import SwiftUI
import UserNotifications

/// The Heft app: one store for the process, the screens over it, the rest
/// alarm and the daily reminder.
@main
@MainActor
struct HeftApp: App {
    @State private var holder: StoreHolder
    @Environment(\.scenePhase) private var phase

    init() {
        let holder = StoreHolder()
        _holder = State(initialValue: holder)
        // Background tasks are registered before launch ends.
        TrainingReminder.register { holder.core }
    }

    var body: some Scene {
        WindowGroup {
            RootView(holder: holder)
                .task(id: ReminderKey(phase: phase, opened: holder.core != nil)) { await renewReminders() }
        }
    }

    /// Each time the app comes forward (and once the store is open) the
    /// reminders are asked for again; StoreHolder renews them on changes.
    private func renewReminders() async {
        guard phase == .active, let core = holder.core else { return }
        await TrainingReminder.refresh(core)
        TrainingReminder.scheduleBackgroundRefresh()
    }
}

private struct ReminderKey: Equatable {
    let phase: ScenePhase
    let opened: Bool
}
