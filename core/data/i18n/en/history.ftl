# The History screen (core/src/screens/history.rs): the days with
# workouts, each workout's exercises in compact lines.

history-title = History
history-empty-title = No workouts yet
history-empty-body = Sets you log show here, day by day, newest first.
history-unavailable-title = History cannot be shown
history-unavailable-body = Your change is saved. The history could not be read just now; try again in a moment.
history-day-with-year = { $date } { $year }
history-open = open
history-finished = finished
history-run-count = { $count } × { $set }
history-run-warmup = Warm-up { $set }
history-run-technique = Technique { $set }
history-run-drop = Drop set { $set }
history-run-failure = To failure { $set }
history-as-prescribed = as prescribed
history-technique = technique
history-landings = { $landings ->
    [one] 1 landing
   *[other] { $landings } landings
}
history-landings-from = { $landings ->
    [one] 1 landing
   *[other] { $landings } landings
} from { $height }
history-pain = pain { $pain }/10
history-set-spoken = { $exercise }: { $set }
