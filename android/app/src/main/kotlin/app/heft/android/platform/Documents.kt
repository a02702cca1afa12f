package app.heft.android.platform

import android.content.ContentResolver
import android.content.Context
import android.content.Intent
import android.net.Uri
import android.provider.DocumentsContract
import android.provider.OpenableColumns
import app.heft.core.model.SyncDocument
import java.io.IOException

/**
 * The Storage Access Framework plumbing of export, import and the sync
 * folder: bytes in and out of documents the person chose. No path, no
 * file-name rule, no merge: what a document means is the core's. Every
 * call does I/O: run it off the main thread.
 */
class Documents(context: Context) {
    private val resolver: ContentResolver = context.contentResolver
    private val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)

    /** A document the person picked (import): its display name and bytes. */
    @Throws(IOException::class)
    fun read(uri: Uri): SyncDocument = SyncDocument(name = displayName(uri) ?: uri.lastPathSegment.orEmpty(), bytes = bytes(uri))

    /** Writes [bytes] over the document the person created (export). */
    @Throws(IOException::class)
    fun write(uri: Uri, bytes: ByteArray) {
        // "wt": truncate, so a shorter file leaves no tail of a longer one.
        val out = resolver.openOutputStream(uri, "wt") ?: throw IOException("no output stream for $uri")
        out.use { it.write(bytes) }
    }

    /**
     * Keeps access to the sync folder across restarts: a persisted grant,
     * and the folder's address in sync_folder.xml (left out of backups: a
     * grant means nothing on another phone).
     */
    fun keepFolder(tree: Uri) {
        resolver.takePersistableUriPermission(
            tree,
            Intent.FLAG_GRANT_READ_URI_PERMISSION or Intent.FLAG_GRANT_WRITE_URI_PERMISSION,
        )
        prefs.edit().putString(KEY_TREE, tree.toString()).apply()
    }

    /** The sync folder chosen before, while its grant still holds; else null. */
    fun folder(): Uri? {
        val tree = prefs.getString(KEY_TREE, null)?.let(Uri::parse) ?: return null
        val granted = resolver.persistedUriPermissions.any { it.uri == tree && it.isReadPermission && it.isWritePermission }
        return tree.takeIf { granted }
    }

    /** Every file of the folder (not its subfolders), as the core takes them. */
    @Throws(IOException::class)
    fun readFolder(tree: Uri): List<SyncDocument> = children(tree).filter { !it.isDirectory }.map { child ->
        SyncDocument(name = child.name, bytes = bytes(child.uri))
    }

    /**
     * Puts [document] into the folder in place of the file of its name:
     * written whole under a temporary name, then renamed over the old one
     * where the provider can rename, so another device never reads half a
     * file; written in place where it cannot.
     */
    @Throws(IOException::class)
    fun writeIntoFolder(tree: Uri, document: SyncDocument) {
        val parent = DocumentsContract.buildDocumentUriUsingTree(tree, DocumentsContract.getTreeDocumentId(tree))
        val existing = children(tree).firstOrNull { it.name == document.name && !it.isDirectory }
        val partName = document.name + PART_SUFFIX
        children(tree).filter { it.name == partName }.forEach { DocumentsContract.deleteDocument(resolver, it.uri) }
        val part = DocumentsContract.createDocument(resolver, parent, BINARY, partName)
            ?: throw IOException("cannot create $partName")
        write(part, document.bytes)
        val renamed = try {
            existing?.let { DocumentsContract.deleteDocument(resolver, it.uri) }
            DocumentsContract.renameDocument(resolver, part, document.name)
        } catch (e: UnsupportedOperationException) {
            null
        }
        if (renamed == null) {
            // No rename here: write in place, and drop the temporary copy.
            val target = existing?.uri?.takeIf { exists(it) }
                ?: DocumentsContract.createDocument(resolver, parent, BINARY, document.name)
                ?: throw IOException("cannot create ${document.name}")
            write(target, document.bytes)
            DocumentsContract.deleteDocument(resolver, part)
        }
    }

    private data class Child(val uri: Uri, val name: String, val isDirectory: Boolean)

    private fun children(tree: Uri): List<Child> {
        val listing = DocumentsContract.buildChildDocumentsUriUsingTree(tree, DocumentsContract.getTreeDocumentId(tree))
        val columns = arrayOf(
            DocumentsContract.Document.COLUMN_DOCUMENT_ID,
            DocumentsContract.Document.COLUMN_DISPLAY_NAME,
            DocumentsContract.Document.COLUMN_MIME_TYPE,
        )
        val cursor = resolver.query(listing, columns, null, null, null) ?: throw IOException("cannot list $tree")
        return cursor.use { c ->
            buildList {
                while (c.moveToNext()) {
                    add(
                        Child(
                            uri = DocumentsContract.buildDocumentUriUsingTree(tree, c.getString(0)),
                            name = c.getString(1).orEmpty(),
                            isDirectory = c.getString(2) == DocumentsContract.Document.MIME_TYPE_DIR,
                        ),
                    )
                }
            }
        }
    }

    private fun exists(uri: Uri): Boolean = try {
        resolver.query(uri, arrayOf(DocumentsContract.Document.COLUMN_DOCUMENT_ID), null, null, null)?.use { it.count > 0 } ?: false
    } catch (e: IllegalArgumentException) {
        false
    }

    private fun bytes(uri: Uri): ByteArray {
        val input = resolver.openInputStream(uri) ?: throw IOException("cannot open $uri")
        return input.use { it.readBytes() }
    }

    private fun displayName(uri: Uri): String? =
        resolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { c ->
            if (c.moveToFirst()) c.getString(0) else null
        }

    companion object {
        /** What an export is, for the document picker (any app may open it). */
        const val BINARY = "application/octet-stream"
        private const val PREFS = "sync_folder"
        private const val KEY_TREE = "tree"
        private const val PART_SUFFIX = ".part"
    }
}
