package app.heft.android

import android.app.Application
import app.heft.android.platform.Notifications
import app.heft.android.platform.TrainingReminder

/**
 * The process: one store for every screen, the notification channels, and
 * the training-day reminder's schedule.
 */
class HeftApplication : Application() {
    /** The database and the presenters' context, opened off the main thread. */
    lateinit var heft: StoreHolder
        private set

    override fun onCreate() {
        super.onCreate()
        heft = StoreHolder(this)
        Notifications.createChannels(this)
        TrainingReminder.schedule(this)
    }
}
