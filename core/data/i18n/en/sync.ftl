# Sync, in English.

sync-title = Sync
sync-this-device = This device
sync-this-device-id = Device id …{ $id }
sync-device-name = Device …{ $id }
sync-last-seen = Last seen { $date }
sync-never-seen = Not seen yet
sync-empty-title = No other device yet
sync-empty-body = Sync a folder your devices share, or import a file exported on another device.
sync-action-folder = Sync folder
sync-action-import = Import a file
sync-action-export = Export to a file
sync-last-import = Last import { $date }
sync-last-folder = Last sync { $date }
sync-summary-merged = New or changed: { $rows }
sync-summary-nothing-new = Nothing new: this device already had everything.
sync-summary-no-files = The folder held no other device's file.
sync-file-merged = Brought { $rows }
sync-file-unchanged = Nothing new
sync-file-refused = Not merged: { $reason }
sync-rows-profile = { $count ->
    [one] 1 profile setting
   *[other] { $count } profile settings
}
sync-rows-exercise = { $count ->
    [one] 1 exercise
   *[other] { $count } exercises
}
sync-rows-program = { $count ->
    [one] 1 program
   *[other] { $count } programs
}
sync-rows-program-run = { $count ->
    [one] 1 program run
   *[other] { $count } program runs
}
sync-rows-workout = { $count ->
    [one] 1 workout
   *[other] { $count } workouts
}
sync-rows-set-entry = { $count ->
    [one] 1 set
   *[other] { $count } sets
}
sync-rows-measurement = { $count ->
    [one] 1 measurement
   *[other] { $count } measurements
}
sync-rows-other = { $count ->
    [one] 1 other entry
   *[other] { $count } other entries
}
sync-refused-empty = the file is empty.
sync-refused-not-an-export = it is not a Heft export.
sync-refused-needs-passphrase = it is encrypted; give its passphrase.
sync-refused-wrong-passphrase = the passphrase does not open it.
sync-refused-newer-version = a newer Heft wrote it; update Heft here.
sync-refused-damaged = the file is damaged or cut short; nothing of it was written.
sync-refused-unreadable = it could not be read.
sync-summary-none-merged = No file could be merged; nothing was changed.
