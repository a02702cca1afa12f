# Der Programm-Bildschirm (core/src/screens/program.rs): die Liste der
# Programme, Phasen, Tage und Übungen eines Programms, der Stand des
# laufenden Programms und die eigenen Anpassungen daran.

undo-swapped-exercise = { $from } durch { $to } ersetzt
undo-unswapped-exercise = Ersatz für { $exercise } zurückgenommen
undo-chose-days = { $days ->
        [0] Trainingstage freigegeben
       *[other] Trainingstage gewählt
    }
