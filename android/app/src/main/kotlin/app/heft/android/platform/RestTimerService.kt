package app.heft.android.platform

import android.app.Notification
import android.app.Service
import android.content.Context
import android.content.Intent
import android.content.pm.ServiceInfo
import android.os.Build
import android.os.Handler
import android.os.IBinder
import android.os.Looper
import android.os.SystemClock
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.app.ServiceCompat
import androidx.core.content.ContextCompat
import app.heft.android.R
import app.heft.core.model.RestTimer

/**
 * The rest between sets as a foreground service, so the countdown goes on
 * with the screen off and the app in the background: an ongoing
 * notification whose chronometer counts down to the end the core gave
 * (`started_at + seconds`), public on the lock screen; at the end a short
 * alert on its own channel, and the service stops.
 *
 * Type specialUse (AndroidManifest.xml says why): shortService ends after
 * about three minutes, shorter than many rests.
 *
 * It is told the end instant and the record's label and knows nothing
 * else: no rule, no sentence of its own.
 */
class RestTimerService : Service() {
    private val handler = Handler(Looper.getMainLooper())
    private val finish = Runnable { restOver() }
    private var endsAt = 0L
    private var label = ""

    override fun onBind(intent: Intent?): IBinder? = null

    override fun onStartCommand(intent: Intent?, flags: Int, startId: Int): Int {
        endsAt = intent?.getLongExtra(EXTRA_ENDS_AT, 0L) ?: 0L
        label = intent?.getStringExtra(EXTRA_LABEL).orEmpty()
        // startForeground first, always: a service started with
        // startForegroundService must call it within seconds.
        ServiceCompat.startForeground(
            this,
            Notifications.REST_ID,
            countdown(),
            if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.UPSIDE_DOWN_CAKE) {
                ServiceInfo.FOREGROUND_SERVICE_TYPE_SPECIAL_USE
            } else {
                0
            },
        )
        handler.removeCallbacks(finish)
        val left = endsAt - System.currentTimeMillis()
        if (left <= 0) restOver() else handler.postAtTime(finish, SystemClock.uptimeMillis() + left)
        // A rest is not worth restarting after the process died: Today
        // shows it again from the record when opened.
        return START_NOT_STICKY
    }

    override fun onDestroy() {
        handler.removeCallbacks(finish)
        super.onDestroy()
    }

    private fun countdown(): Notification = NotificationCompat.Builder(this, Notifications.REST)
        .setSmallIcon(R.drawable.ic_notification)
        .setContentTitle(label)
        .setWhen(endsAt)
        .setShowWhen(true)
        .setUsesChronometer(true)
        .setChronometerCountDown(true)
        .setOngoing(true)
        .setOnlyAlertOnce(true)
        .setSilent(true)
        .setCategory(NotificationCompat.CATEGORY_STOPWATCH)
        .setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
        .setForegroundServiceBehavior(NotificationCompat.FOREGROUND_SERVICE_IMMEDIATE)
        .setContentIntent(Notifications.openApp(this))
        .build()

    /**
     * The end: the ongoing notification goes, an alerting one says the
     * rest's label with the time past the end counting on (the countdown
     * chronometer goes negative), and removes itself after a minute.
     */
    private fun restOver() {
        ServiceCompat.stopForeground(this, ServiceCompat.STOP_FOREGROUND_REMOVE)
        if (Notifications.allowed(this)) {
            val alert = NotificationCompat.Builder(this, Notifications.REST_OVER)
                .setSmallIcon(R.drawable.ic_notification)
                .setContentTitle(label)
                .setWhen(endsAt)
                .setShowWhen(true)
                .setUsesChronometer(true)
                .setChronometerCountDown(true)
                .setAutoCancel(true)
                .setTimeoutAfter(ALERT_SHOWN_MS)
                .setCategory(NotificationCompat.CATEGORY_ALARM)
                .setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
                .setContentIntent(Notifications.openApp(this))
                .build()
            try {
                NotificationManagerCompat.from(this).notify(Notifications.REST_OVER_ID, alert)
            } catch (e: SecurityException) {
                // The permission was taken back between the check and now.
            }
        }
        stopSelf()
    }

    companion object {
        private const val EXTRA_ENDS_AT = "ends_at"
        private const val EXTRA_LABEL = "label"
        private const val ALERT_SHOWN_MS = 60_000L

        /**
         * Counts down [rest] as the core gave it; nothing when it has
         * already ended. Call while the app is in the foreground (a
         * foreground service cannot be started from the background).
         */
        fun start(context: Context, rest: RestTimer) {
            val endsAt = rest.startedAt.utcMs + rest.seconds.toLong() * MS_PER_SECOND
            if (endsAt <= System.currentTimeMillis()) return
            val intent = Intent(context, RestTimerService::class.java)
                .putExtra(EXTRA_ENDS_AT, endsAt)
                .putExtra(EXTRA_LABEL, rest.label)
            ContextCompat.startForegroundService(context, intent)
        }

        /** The rest is gone from Today (undone, or the next set logged with none): stop. */
        fun stop(context: Context) {
            context.stopService(Intent(context, RestTimerService::class.java))
        }

        private const val MS_PER_SECOND = 1000L
    }
}
