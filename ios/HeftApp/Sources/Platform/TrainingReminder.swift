import BackgroundTasks
import Foundation
import HeftCore
import HeftPresentation
import UserNotifications

/// "A session is due today". Whether a session is due on a day, and in
/// what words, is the core's (`HeftStore.reminder(date:language:)`); the
/// app only decides when to post it.
///
/// How: scheduled local notifications, refreshed often. Each time the app
/// comes to the foreground, a store change arrives (a set logged, a
/// program started, a folder sync) or the system grants a background
/// refresh, the app asks the core about today and the next days and
/// replaces the pending reminders with what it answers, each at the hour
/// below. A day the core says nothing for gets no reminder, so a session
/// already begun or a rest day is never announced.
///
/// Why not BGAppRefreshTask alone: the system runs it when it sees fit
/// (hours late, or not for days for an app opened rarely), so a reminder
/// posted from it could come in the evening or never. A calendar trigger
/// fires at the hour even when the app is not running. The background
/// refresh is kept as a bonus: it renews the answers when the system allows.
enum TrainingReminder {
    static let task = "app.heft.reminder"
    private static let prefix = "app.heft.reminder."
    /// The hour the reminder comes, in the phone's time zone.
    private static let hour = 8
    /// Days looked ahead: enough for a phone left alone over a long weekend,
    /// few enough to stay far below the system's 64 pending notifications.
    private static let days = 7

    /// Registers the background refresh; call before the app finishes launching.
    static func register(holder: @escaping @MainActor () -> CoreContext?) {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: task, using: nil) { task in
            let work = Task { @MainActor in
                if let core = holder() {
                    await refresh(core)
                }
                scheduleBackgroundRefresh()
                task.setTaskCompleted(success: true)
            }
            task.expirationHandler = { work.cancel() }
        }
    }

    /// Asks for the next background refresh, around tomorrow's reminder.
    static func scheduleBackgroundRefresh() {
        let request = BGAppRefreshTaskRequest(identifier: task)
        request.earliestBeginDate = nextReminderTime(after: Date())
        try? BGTaskScheduler.shared.submit(request)
    }

    /// Replaces the pending reminders with the core's answers for today
    /// (when its hour is still ahead) and the next days.
    @MainActor
    static func refresh(_ core: CoreContext) async {
        let center = UNUserNotificationCenter.current()
        let now = Date()
        let calendar = Calendar.current
        var wanted: [(Date, IsoDate)] = []
        for offset in 0...days {
            guard let day = calendar.date(byAdding: .day, value: offset, to: now),
                  let at = calendar.date(bySettingHour: hour, minute: 0, second: 0, of: day),
                  at > now
            else { continue }
            wanted.append((at, isoDate(at)))
        }
        let dates = wanted.map(\.1)
        let outcome = await core.call { c -> [Reminder?] in
            let language = try c.language()
            return try dates.map { try c.store.reminder(date: $0, language: language) }
        }
        // A failed look leaves the reminders as they were: the next look
        // may succeed, and none is better decided by the app.
        guard case .value(let reminders) = outcome else { return }
        let pending = await center.pendingNotificationRequests().map(\.identifier).filter { $0.hasPrefix(prefix) }
        center.removePendingNotificationRequests(withIdentifiers: pending)
        guard reminders.contains(where: { $0 != nil }), await RestAlarm.allowed(center) else { return }
        for ((at, date), reminder) in zip(wanted, reminders) {
            guard let reminder else { continue }
            let content = UNMutableNotificationContent()
            content.title = reminder.title
            content.body = reminder.body
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: at)
            let trigger = UNCalendarNotificationTrigger(dateMatching: parts, repeats: false)
            try? await center.add(UNNotificationRequest(identifier: prefix + date, content: content, trigger: trigger))
        }
    }

    private static func nextReminderTime(after now: Date) -> Date? {
        let calendar = Calendar.current
        guard let today = calendar.date(bySettingHour: hour, minute: 0, second: 0, of: now) else { return nil }
        return today > now ? today : calendar.date(byAdding: .day, value: 1, to: today)
    }

    private static func isoDate(_ date: Date) -> IsoDate {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = .current
        return formatter.string(from: date)
    }
}
