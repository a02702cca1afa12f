package app.heft.android

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.material3.Surface
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.heft.android.ui.Loading
import app.heft.android.ui.ProblemCard
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.ProblemActionKind

/**
 * The one activity: edge to edge, drawing the app once the store is open,
 * or the core's words for why it could not be opened.
 */
class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        enableEdgeToEdge()
        super.onCreate(savedInstanceState)
        val holder = (application as HeftApplication).heft
        setContent {
            HeftTheme {
                Surface(Modifier.fillMaxSize()) {
                    val opening by holder.state.collectAsStateWithLifecycle()
                    when (val now = opening) {
                        Opening.Pending -> Loading()
                        is Opening.Failed -> Box(
                            Modifier.fillMaxSize().safeDrawingPadding().padding(16.dp),
                            contentAlignment = Alignment.Center,
                        ) {
                            ProblemCard(now.problem, onAction = { kind ->
                                if (kind == ProblemActionKind.RECOVER) holder.recover() else holder.reopen()
                            })
                        }
                        // A reopened store starts the app anew: new
                        // presenters, on the new store.
                        is Opening.Ready -> key(now.generation) {
                            HeftApp(now.core, holder, now.generation)
                        }
                    }
                }
            }
        }
    }
}
