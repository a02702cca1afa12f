import Foundation
import HeftCore
import UserNotifications

/// The rest between sets as a local notification: Today's `rest` says when
/// the rest began and how long it lasts, and the system posts the alarm at
/// its end whether the app is open, in the background or killed. There is
/// one alarm at a time: a new rest (or none) replaces it.
enum RestAlarm {
    private static let id = "app.heft.rest"

    /// Schedules the alarm for `rest`, or clears it when there is none (the
    /// rest over, nothing left to do). The words are the record's label.
    static func follow(_ rest: RestTimer?) async {
        let center = UNUserNotificationCenter.current()
        center.removePendingNotificationRequests(withIdentifiers: [id])
        guard let rest else { return }
        let remaining = rest.endsAt.timeIntervalSinceNow
        // Already over at the time of reading: nothing to announce.
        guard remaining > 0 else { return }
        guard await allowed(center) else { return }
        let content = UNMutableNotificationContent()
        content.title = rest.label
        content.sound = .default
        content.interruptionLevel = .timeSensitive
        let trigger = UNTimeIntervalNotificationTrigger(timeInterval: remaining, repeats: false)
        try? await center.add(UNNotificationRequest(identifier: id, content: content, trigger: trigger))
    }

    /// Asks once; later calls read the answer.
    static func allowed(_ center: UNUserNotificationCenter) async -> Bool {
        let settings = await center.notificationSettings()
        switch settings.authorizationStatus {
        case .authorized, .provisional, .ephemeral:
            return true
        case .notDetermined:
            return (try? await center.requestAuthorization(options: [.alert, .sound])) ?? false
        default:
            return false
        }
    }
}

extension RestTimer {
    /// The instant the rest ends: the core's start plus its length. An
    /// instant's conversion, not a rule: the core chose both numbers.
    var endsAt: Date {
        Date(timeIntervalSince1970: TimeInterval(startedAt.utcMs) / 1000)
            .addingTimeInterval(TimeInterval(seconds))
    }
}
