package app.heft.android.platform

import android.Manifest
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import app.heft.android.MainActivity
import app.heft.android.R

/** The notification channels; their names are string resources (platform chrome). */
object Notifications {
    /** The running rest timer: silent, ongoing. */
    const val REST = "rest"

    /** The rest is over: sound or vibration as the person set the channel. */
    const val REST_OVER = "rest_over"

    /** A session due today. */
    const val REMINDER = "reminder"

    const val REST_ID = 1
    const val REST_OVER_ID = 2
    const val REMINDER_ID = 3

    fun createChannels(context: Context) {
        val manager = context.getSystemService(NotificationManager::class.java)
        manager.createNotificationChannels(
            listOf(
                channel(context, REST, R.string.channel_rest, R.string.channel_rest_about, NotificationManager.IMPORTANCE_LOW),
                channel(context, REST_OVER, R.string.channel_rest_over, R.string.channel_rest_over_about, NotificationManager.IMPORTANCE_HIGH),
                channel(context, REMINDER, R.string.channel_reminder, R.string.channel_reminder_about, NotificationManager.IMPORTANCE_DEFAULT),
            ),
        )
    }

    private fun channel(context: Context, id: String, name: Int, about: Int, importance: Int) =
        NotificationChannel(id, context.getString(name), importance).apply {
            description = context.getString(about)
            // The countdown and the reminder hold nothing private: show
            // them whole on the lock screen.
            lockscreenVisibility = android.app.Notification.VISIBILITY_PUBLIC
        }

    /** Whether a notification would be shown (permission on Android 13+, and not blocked). */
    fun allowed(context: Context): Boolean {
        val granted = Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) ==
            PackageManager.PERMISSION_GRANTED
        return granted && NotificationManagerCompat.from(context).areNotificationsEnabled()
    }

    /** Opens the app where it was (Today on a fresh start). */
    fun openApp(context: Context): PendingIntent = PendingIntent.getActivity(
        context,
        0,
        Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP),
        PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
    )
}
