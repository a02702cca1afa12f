package app.heft.presenter

import app.heft.core.model.CsvImportOptions
import app.heft.core.model.ExportFile
import app.heft.core.model.ProblemScreen
import app.heft.core.model.ScreenKind
import app.heft.core.model.SyncDocument
import app.heft.core.model.SyncScreen
import kotlinx.coroutines.CoroutineScope

/**
 * Sync: this device, the others seen, the last result; export, import and
 * a shared folder. Files travel as bytes: the shell reads and writes them
 * where the person chose (the Storage Access Framework, a security-scoped
 * URL) and the core never sees a path.
 */
data class SyncState(
    val screen: Loadable<SyncScreen> = Loadable.Loading,
    /** An export made and waiting for the shell to write where the person chooses. */
    val export: ExportFile? = null,
    /** This device's file for the sync folder, waiting for the shell to write it there. */
    val folderWrite: SyncDocument? = null,
    val busy: Boolean = false,
    val problem: ProblemScreen? = null,
)

sealed interface SyncEvent {
    data object Refresh : SyncEvent

    /** `export`: make the file (encrypted with [passphrase] when given). */
    data class Export(val passphrase: String? = null) : SyncEvent

    /** The shell wrote [SyncState.export] (or the person cancelled the picker). */
    data object ExportHandled : SyncEvent

    /** `import`: a file the person picked, read by the shell. */
    data class Import(val name: String, val bytes: ByteArray, val passphrase: String? = null) : SyncEvent

    /**
     * A CSV export of another app (Strong, Hevy, FitNotes, StrongLifts,
     * Liftosaur) the person picked, read by the shell; its layout and unit
     * are found by the core unless given.
     */
    data class ImportCsv(val name: String, val bytes: ByteArray, val options: CsvImportOptions = CsvImportOptions()) : SyncEvent

    /** `sync_folder`: the folder's documents as the shell read them. */
    data class SyncFolder(val documents: List<SyncDocument>, val passphrase: String? = null) : SyncEvent

    /** The shell wrote [SyncState.folderWrite] into the folder. */
    data object FolderWriteHandled : SyncEvent
    data object DismissProblem : SyncEvent
}

class SyncPresenter(
    core: CoreContext,
    scope: CoroutineScope,
) : WritingPresenter<SyncState, SyncEvent>(core, scope, SyncState()) {
    override val SyncState.writing: Boolean get() = busy

    override fun SyncState.withWrite(writing: Boolean, problem: ProblemScreen?) = copy(busy = writing, problem = problem)

    init {
        load()
        refreshOn(ScreenKind.SYNC) { load() }
    }

    override fun onEvent(event: SyncEvent) {
        when (event) {
            SyncEvent.Refresh -> load()
            is SyncEvent.Export -> write({ store.exportBytes(event.passphrase) }) { s, file -> s.copy(export = file) }
            SyncEvent.ExportHandled -> update { it.copy(export = null) }
            is SyncEvent.Import -> write({
                store.importBytes(event.bytes, event.name, event.passphrase, language)
            }) { s, screen -> s.copy(screen = Loadable.Ready(screen)) }
            is SyncEvent.ImportCsv -> write({
                store.importCsvBytes(event.bytes, event.name, event.options, language)
            }) { s, screen -> s.copy(screen = Loadable.Ready(screen)) }
            is SyncEvent.SyncFolder -> write({
                store.syncDocuments(event.documents, event.passphrase, language)
            }) { s, sync -> s.copy(screen = Loadable.Ready(sync.screen), folderWrite = sync.write) }
            SyncEvent.FolderWriteHandled -> update { it.copy(folderWrite = null) }
            SyncEvent.DismissProblem -> update { it.copy(problem = null) }
        }
    }

    private fun load() {
        call(
            work = { store.syncScreen(language) },
            onProblem = { p -> update { it.copy(screen = Loadable.Failed(p)) } },
            onResult = { s -> update { it.copy(screen = Loadable.Ready(s)) } },
        )
    }
}
