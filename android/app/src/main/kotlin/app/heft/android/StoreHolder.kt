package app.heft.android

import android.content.Context
import app.heft.core.HeftStore
import app.heft.core.languageForTag
import app.heft.core.model.HeftException
import app.heft.core.model.Language
import app.heft.core.model.ProblemScreen
import app.heft.core.recoverDatabase
import app.heft.presenter.Changes
import app.heft.presenter.CoreContext
import app.heft.presenter.DayClock
import java.io.File
import java.util.Locale
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.filterIsInstance
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext

/** The store as the app has it: opening, open, or refused. */
sealed interface Opening {
    /** Opening, recovering or reopening: draw a placeholder. */
    data object Pending : Opening

    /** Open: what every presenter is given. [generation] counts reopenings. */
    data class Ready(val core: CoreContext, val generation: Int) : Opening

    /** The core's words for why the database could not be opened. */
    data class Failed(val problem: ProblemScreen) : Opening
}

/**
 * Owns the one [HeftStore] of the process. The database lives in
 * noBackupFilesDir (heft/heft.db, beside its -wal, -shm and any file the
 * core sets aside), so Auto Backup never copies it: it holds this device's
 * id. Opening, recovering and reopening run on [Dispatchers.IO].
 */
class StoreHolder(context: Context) {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    private val path: File = File(File(context.noBackupFilesDir, "heft"), "heft.db")
    private val mutable = MutableStateFlow<Opening>(Opening.Pending)
    private var store: HeftStore? = null
    private var generation = 0

    /** One opening, closing or recovery at a time. */
    private val lock = Mutex()

    /** Where the store stands; the activity draws from it. */
    val state: StateFlow<Opening> = mutable.asStateFlow()

    init {
        scope.launch { lock.withLock { open() } }
    }

    /** The open store's context, waiting for the opening (for workers). */
    suspend fun awaitCore(): CoreContext =
        state.filterIsInstance<Opening.Ready>().first().core

    /** `reopen` (and `retry` on a refused open): closes and opens again. */
    fun reopen() {
        scope.launch {
            lock.withLock {
                close()
                open()
            }
        }
    }

    /**
     * `recover`: every readable row of a damaged database into a sound one
     * (the damaged file is kept aside by the core), then opens it.
     */
    fun recover() {
        scope.launch {
            lock.withLock {
                close()
                try {
                    recoverDatabase(path.path)
                    open()
                } catch (e: HeftException) {
                    mutable.value = Opening.Failed(describe(e))
                }
            }
        }
    }

    private suspend fun close() = withContext(Dispatchers.IO) {
        mutable.value = Opening.Pending
        store?.let {
            it.closeStore()
            it.close()
        }
        store = null
    }

    private suspend fun open() = withContext(Dispatchers.IO) {
        path.parentFile?.mkdirs()
        mutable.value = try {
            val opened = HeftStore.open(path.path)
            store = opened
            generation += 1
            Opening.Ready(context(opened), generation)
        } catch (e: HeftException) {
            Opening.Failed(describe(e))
        }
    }

    private fun context(store: HeftStore) = CoreContext(
        store = store,
        io = Dispatchers.IO,
        clock = DayClock.system(),
        language = { chosenLanguage(store) ?: phoneLanguage() },
        changes = Changes.of(store),
    )

    /**
     * The language chosen in Settings. A store that cannot answer (closed,
     * damaged) follows the phone: the presenters read the language while
     * describing a failed call, and that must not fail in turn.
     */
    private fun chosenLanguage(store: HeftStore): Language? = try {
        store.preferredLanguage()
    } catch (e: HeftException) {
        null
    }

    private fun phoneLanguage(): Language = languageForTag(Locale.getDefault().toLanguageTag())

    /**
     * The core's words for an error thrown before any store was open: a
     * store in memory describes it (the description reads no data).
     */
    private fun describe(error: HeftException): ProblemScreen =
        HeftStore.openInMemory().use { it.problemScreen(error, phoneLanguage()) }
}
