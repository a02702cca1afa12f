## The Progress screen

progress-title = Progress
progress-empty-title = No training logged yet
progress-empty-body = Your weeks, your bone-loading dose and your lifts' strength show here once you log sets.
progress-this-week = This week
progress-week-minutes = { $minutes } min of lifting
progress-week-sessions = { $done ->
    [one] 1 session
   *[other] { $done } sessions
}
progress-week-sessions-planned = { $done } of { $planned } planned sessions
progress-minutes-title = Minutes of lifting a week
progress-minutes = { $minutes } min
progress-bone-title = Bone loading
progress-bone-heavy-sets = Heavy axial sets this week
progress-bone-heavy-sessions = Sessions with 5 or more this week
progress-bone-landings = Landings this week
progress-bone-weeks = Weeks like LIFTMOR, of the last four
progress-of-target = { $done } of { $target }
progress-bone-last-heavy = Last heavy axial lift
progress-bone-last-heavy-value = { $date } ({ $days ->
    [0] today
    [one] yesterday
   *[other] { $days } days ago
})
progress-bone-last-heavy-none = None yet
progress-bone-about = Heavy means a working set of an axially loading lift (squat, deadlift, press) at 80% or more of its e1RM, or one whose reps plus reps in reserve come to 8 or less. LIFTMOR's weeks had two sessions of five heavy sets and 20 or more landings.
progress-bone-low-mass = In LIFTMOR, women with low bone mass who learned the technique first, then lifted heavy twice a week for eight months, gained 2.9% lumbar spine bone density while the control group lost 1.2%.
progress-e1rm = e1RM { $e1rm }
progress-e1rm-none = No estimate yet
progress-change = { $change } since { $date }
progress-chart-empty = No e1RM in the last year
progress-point = { $date }: { $e1rm } ({ $load } × { $reps })
progress-record-e1rm = Best e1RM
progress-record-heaviest = Heaviest weight
progress-record-heaviest-added = Heaviest added weight
progress-record-volume = Best session volume
progress-record-reps = Most reps
progress-record-detail-beat = { $date } · up from { $previous }
progress-record-new = New
progress-adherence-title = Keeping at it
progress-streak = Weeks in a row with 2 or more sessions
progress-streak-value = { $weeks } (longest { $longest })
progress-four-weeks = Sessions in the four weeks before this one
progress-last-session = Last session
progress-longest-gap = Longest gap
progress-longest-gap-value = { $days } days ({ $from } to { $to })
progress-too-close = Two { $pattern } sessions came { $days ->
    [0] on the same day
    [one] 1 day apart
   *[other] { $days } days apart
}: the same movement needs about 48 hours between hard sessions.
progress-records-title = Records of the last 28 days
pattern-squat = squat
pattern-hinge = hinge
pattern-lunge = lunge
pattern-push = push
pattern-pull = pull
pattern-carry = carry
pattern-jump = jump
pattern-core = core
pattern-isolation = isolation
pattern-cardio = cardio
