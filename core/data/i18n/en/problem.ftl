# What a shell shows when a call fails, in English.

problem-dismiss = Close
problem-action-refresh = Refresh
problem-action-retry = Try again
problem-action-recover = Recover the database
problem-action-reopen = Open again
problem-invalid-input-title = Check what you entered
problem-invalid-input-body = { $detail }
problem-not-found-title = No longer here
problem-not-found-body = It was deleted, perhaps on another device. Refresh to see what is here now.
problem-conflict-title = Not saved
problem-conflict-body = This contradicts what is already saved, so nothing was changed: { $detail }
problem-io-title = A file could not be read or written
problem-io-body = Check that the file or folder is still there and that Heft may use it, then try again. Nothing was changed.
problem-corrupt-title = The file is damaged
problem-corrupt-body = Nothing was taken from it and nothing was changed. A damaged database is kept aside, never deleted: you can restore an export.
problem-damaged-title = The database is damaged
problem-damaged-body = What is saved can still be read, but saving is paused so the damage does not spread. Recover the database to go on: everything that can be read is kept.
problem-newer-version-title = Made by a newer Heft
problem-newer-version-body = Update Heft on this device to open it. Nothing was changed.
problem-cancelled-title = Cancelled
problem-cancelled-body = Nothing was changed.
problem-closed-title = Heft was closed
problem-closed-body = Open it again to go on. Everything saved is kept.
problem-other-title = Something went wrong
problem-other-body = This is a fault in Heft, not something you did. Nothing you saved is lost. Try again; if it happens again, the details below help fix it.
