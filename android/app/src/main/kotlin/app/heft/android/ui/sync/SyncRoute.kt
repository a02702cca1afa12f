package app.heft.android.ui.sync

import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalContext
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.heft.android.platform.Documents
import app.heft.android.rememberPresenter
import app.heft.android.ui.ProblemDialog
import app.heft.core.model.HeftException
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.ProblemScreen
import app.heft.presenter.CoreContext
import app.heft.presenter.SyncEvent
import app.heft.presenter.SyncPresenter
import java.io.IOException
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * Sync with its files: the document pickers of the Storage Access
 * Framework (create for export, open for import, a folder tree for sync,
 * kept with a persisted grant), the bytes read and written off the main
 * thread by [Documents], and the core told what was read and written.
 */
@Composable
fun SyncRoute(core: CoreContext, onStoreProblem: (ProblemActionKind, () -> Unit) -> Unit) {
    val presenter = rememberPresenter(core, "sync") { c, s -> SyncPresenter(c, s) }
    val state by presenter.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val documents = remember(context) { Documents(context) }
    val scope = rememberCoroutineScope()
    // A file the phone could not read or write, in the core's words.
    var fileProblem by remember { mutableStateOf<ProblemScreen?>(null) }

    /**
     * Runs file work off the main thread and sends the event it makes on
     * the main thread; an I/O failure becomes the core's problem screen.
     */
    fun files(work: () -> SyncEvent) {
        scope.launch {
            val outcome = withContext(core.io) {
                try {
                    Result.success(work())
                } catch (e: IOException) {
                    Result.failure(FileProblem(core.store.problemScreen(HeftException.Io(e.message.orEmpty()), core.language())))
                } catch (e: SecurityException) {
                    Result.failure(FileProblem(core.store.problemScreen(HeftException.Io(e.message.orEmpty()), core.language())))
                }
            }
            outcome.fold(presenter::onEvent) { fileProblem = (it as FileProblem).problem }
        }
    }

    fun syncFolder(tree: Uri) = files { SyncEvent.SyncFolder(documents.readFolder(tree)) }

    val export = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument(Documents.BINARY)) { uri ->
        val file = state.export
        if (uri == null || file == null) {
            presenter.onEvent(SyncEvent.ExportHandled)
        } else {
            files {
                documents.write(uri, file.bytes)
                SyncEvent.ExportHandled
            }
        }
    }
    val import = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        if (uri != null) {
            files {
                val document = documents.read(uri)
                SyncEvent.Import(document.name, document.bytes)
            }
        }
    }
    val folder = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocumentTree()) { tree ->
        if (tree != null) {
            documents.keepFolder(tree)
            syncFolder(tree)
        }
    }

    // The export is made: ask where to put it, under the core's name.
    LaunchedEffect(state.export) { state.export?.let { export.launch(it.name) } }
    // The core's own file for the folder: write it there.
    LaunchedEffect(state.folderWrite) {
        val write = state.folderWrite ?: return@LaunchedEffect
        val tree = documents.folder()
        if (tree == null) {
            presenter.onEvent(SyncEvent.FolderWriteHandled)
        } else {
            files {
                documents.writeIntoFolder(tree, write)
                SyncEvent.FolderWriteHandled
            }
        }
    }

    SyncScreen(
        state,
        presenter::onEvent,
        onSyncFolder = { documents.folder()?.let(::syncFolder) ?: folder.launch(null) },
        // Any type: a .heft file has no registered MIME type, and the
        // core tells a file that is not an export.
        onImport = { import.launch(arrayOf("*/*")) },
        onProblemAction = { onStoreProblem(it) { presenter.onEvent(SyncEvent.Refresh) } },
    )
    fileProblem?.let { problem ->
        ProblemDialog(problem, onAction = { fileProblem = null }, onDismiss = { fileProblem = null })
    }
}

/** A file that could not be read or written, with the core's description. */
private class FileProblem(val problem: ProblemScreen) : Exception()
