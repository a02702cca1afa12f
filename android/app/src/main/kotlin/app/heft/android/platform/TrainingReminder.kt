package app.heft.android.platform

import android.content.Context
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.work.CoroutineWorker
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.WorkerParameters
import app.heft.android.HeftApplication
import app.heft.android.R
import app.heft.core.model.HeftException
import java.time.Duration
import java.time.LocalTime
import java.time.ZonedDateTime
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull

/**
 * "A session is due today": once a day, in the morning, WorkManager asks
 * the core (`HeftStore.reminder`) whether a session is due and in what
 * words, and posts what it returns. Whether today is a training day (a
 * program running, not a rest day by its spacing or the chosen days,
 * nothing logged yet) is the core's. Inexact by design (WorkManager's
 * daily window): a reminder needs no exact alarm.
 */
object TrainingReminder {
    private const val WORK = "training_day_reminder"

    /** The hour of the day the reminder is looked at, in the phone's time zone. */
    private val AT: LocalTime = LocalTime.of(8, 0)

    /** Schedules the daily look (kept when already scheduled). */
    fun schedule(context: Context) {
        val now = ZonedDateTime.now()
        var next = now.with(AT)
        if (!next.isAfter(now)) next = next.plusDays(1)
        val request = PeriodicWorkRequestBuilder<ReminderWorker>(1, TimeUnit.DAYS)
            .setInitialDelay(Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS)
            .build()
        WorkManager.getInstance(context)
            .enqueueUniquePeriodicWork(WORK, ExistingPeriodicWorkPolicy.KEEP, request)
    }
}

class ReminderWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        if (!Notifications.allowed(applicationContext)) return Result.success()
        // A store that does not open soon (damaged, being recovered) has
        // nothing to remind of today.
        val core = withTimeoutOrNull(OPEN_WAIT_MS) { (applicationContext as HeftApplication).heft.awaitCore() }
            ?: return Result.success()
        val reminder = try {
            withContext(core.io) { core.store.reminder(core.clock.today(), core.language()) }
        } catch (e: HeftException) {
            // Nothing to remind of from a store that cannot answer; the
            // app shows the problem when opened.
            return Result.success()
        } ?: return Result.success()
        val notification = NotificationCompat.Builder(applicationContext, Notifications.REMINDER)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(reminder.title)
            .setContentText(reminder.body)
            .setStyle(NotificationCompat.BigTextStyle().bigText(reminder.body))
            .setAutoCancel(true)
            .setCategory(NotificationCompat.CATEGORY_REMINDER)
            .setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
            .setContentIntent(Notifications.openApp(applicationContext))
            .build()
        try {
            NotificationManagerCompat.from(applicationContext).notify(Notifications.REMINDER_ID, notification)
        } catch (e: SecurityException) {
            // The permission was taken back after the check.
        }
        return Result.success()
    }

    private companion object {
        const val OPEN_WAIT_MS = 30_000L
    }
}
