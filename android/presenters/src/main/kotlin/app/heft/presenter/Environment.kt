package app.heft.presenter

import app.heft.core.ChangeListener
import app.heft.core.HeftStoreInterface
import app.heft.core.model.ScreenKind
import java.time.Clock
import java.time.LocalDate
import kotlinx.coroutines.channels.BufferOverflow
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.SharedFlow
import kotlinx.coroutines.flow.asSharedFlow

/** The person's day, as the core takes it (`2026-12-07`). */
fun interface DayClock {
    fun today(): String

    companion object {
        /** The day in the device's time zone. */
        fun system(clock: Clock = Clock.systemDefaultZone()): DayClock =
            DayClock { LocalDate.now(clock).toString() }
    }
}

/**
 * The store's change notices, fanned out to every presenter: the core
 * keeps one listener per store, and a sync that merged a file on another
 * thread must refresh whichever screens show what changed.
 */
class Changes private constructor() : ChangeListener {
    private val flow = MutableSharedFlow<List<ScreenKind>>(
        extraBufferCapacity = 16,
        onBufferOverflow = BufferOverflow.DROP_OLDEST,
    )

    /** The screens each change makes stale. */
    val notices: SharedFlow<List<ScreenKind>> = flow.asSharedFlow()

    // Called by the core on the thread that wrote; never blocks it.
    override fun onChange(screens: List<ScreenKind>) {
        flow.tryEmit(screens)
    }

    companion object {
        /** Listens to [store]'s changes. */
        fun of(store: HeftStoreInterface): Changes = Changes().also { store.onChange(it) }

        /** Notices that nothing sends but a test. */
        fun detached(): Changes = Changes()
    }
}
