package app.heft.android

import android.Manifest
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Favorite
import androidx.compose.material.icons.filled.Home
import androidx.compose.material.icons.filled.Refresh
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material.icons.filled.Star
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FloatingActionButton
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavGraph.Companion.findStartDestination
import androidx.navigation.NavHostController
import androidx.navigation.NavType
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.currentBackStackEntryAsState
import androidx.navigation.compose.rememberNavController
import androidx.navigation.navArgument
import app.heft.android.platform.Notifications
import app.heft.android.platform.RestTimerService
import app.heft.android.ui.Loading
import app.heft.android.ui.ProblemCard
import app.heft.android.ui.history.HistoryScreen
import app.heft.android.ui.log.LogScreen
import app.heft.android.ui.measures.MeasuresScreen
import app.heft.android.ui.onboarding.OnboardingScreen
import app.heft.android.ui.program.ProgramScreen
import app.heft.android.ui.progress.ProgressScreen
import app.heft.android.ui.settings.SettingsScreen
import app.heft.android.ui.sync.SyncRoute
import app.heft.android.ui.today.TodayScreen
import app.heft.core.model.ProblemActionKind
import app.heft.presenter.AppEvent
import app.heft.presenter.AppPresenter
import app.heft.presenter.CoreContext
import app.heft.presenter.HistoryPresenter
import app.heft.presenter.Loadable
import app.heft.presenter.LogPresenter
import app.heft.presenter.MeasuresPresenter
import app.heft.presenter.OnboardingPresenter
import app.heft.presenter.ProgramPresenter
import app.heft.presenter.ProgressPresenter
import app.heft.presenter.SettingsPresenter
import app.heft.presenter.Start
import app.heft.presenter.TodayPresenter

/** The destinations (navigation routes, never shown). */
private object Routes {
    const val TODAY = "today"
    const val LOG = "log?exercise={exercise}&set={set}"
    const val HISTORY = "history"
    const val PROGRESS = "progress"
    const val MEASURES = "measures"
    const val PROGRAM = "program"
    const val ONBOARDING = "onboarding"
    const val SETTINGS = "settings"
    const val SYNC = "sync"

    fun log(exercise: String? = null, set: String? = null): String =
        "log?exercise=" + android.net.Uri.encode(exercise.orEmpty()) + "&set=" + android.net.Uri.encode(set.orEmpty())
}

/** The bottom bar's destinations; their labels are string resources (navigation chrome). */
private data class Tab(val route: String, val label: Int, val icon: ImageVector)

private val tabs = listOf(
    Tab(Routes.TODAY, R.string.nav_today, Icons.Filled.Home),
    Tab(Routes.HISTORY, R.string.nav_history, Icons.Filled.DateRange),
    Tab(Routes.PROGRESS, R.string.nav_progress, Icons.Filled.Star),
    Tab(Routes.MEASURES, R.string.nav_measures, Icons.Filled.Favorite),
    Tab(Routes.PROGRAM, R.string.nav_program, Icons.AutoMirrored.Filled.List),
)

/**
 * The app on an open store: where it starts (AppPresenter: onboarding on a
 * first run, else Today), the bottom bar, and one destination per screen,
 * each with its presenter in a view model.
 */
@Composable
fun HeftApp(core: CoreContext, holder: StoreHolder, generation: Int) {
    // Keyed by the store's generation: a reopened store gets a new one.
    val app = rememberPresenter(core, "app:$generation") { c, s -> AppPresenter(c, s) }
    val appState by app.state.collectAsStateWithLifecycle()
    // Recovering and reopening are the app's; refresh and retry the screen's.
    val onStoreProblem: (ProblemActionKind, () -> Unit) -> Unit = { kind, screen ->
        when (kind) {
            ProblemActionKind.RECOVER -> holder.recover()
            ProblemActionKind.REOPEN -> holder.reopen()
            ProblemActionKind.REFRESH, ProblemActionKind.RETRY -> screen()
        }
    }
    when (val start = appState.start) {
        Loadable.Loading -> Loading()
        is Loadable.Failed -> ProblemCard(start.problem, onAction = { onStoreProblem(it) { holder.reopen() } })
        is Loadable.Ready -> AppScaffold(
            core,
            start = if (start.value == Start.ONBOARDING) Routes.ONBOARDING else Routes.TODAY,
            onOnboarded = { app.onEvent(AppEvent.Onboarded) },
            onStoreProblem = onStoreProblem,
        )
    }
}

@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun AppScaffold(
    core: CoreContext,
    start: String,
    onOnboarded: () -> Unit,
    onStoreProblem: (ProblemActionKind, () -> Unit) -> Unit,
) {
    val nav = rememberNavController()
    // The graph keeps the destination it started on: onboarding ending
    // navigates to Today itself rather than rebuilding the graph.
    val startRoute = rememberSaveable { start }
    val entry by nav.currentBackStackEntryAsState()
    val route = entry?.destination?.route
    val onTab = tabs.any { it.route == route }
    Scaffold(
        topBar = {
            if (route != null && route != Routes.ONBOARDING) {
                TopAppBar(
                    title = {},
                    navigationIcon = {
                        if (!onTab) {
                            IconButton(onClick = { nav.popBackStack() }) {
                                Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = stringResource(R.string.back))
                            }
                        }
                    },
                    actions = {
                        if (route == Routes.TODAY) {
                            IconButton(onClick = { nav.navigate(Routes.SYNC) }) {
                                Icon(Icons.Filled.Refresh, contentDescription = stringResource(R.string.nav_sync))
                            }
                            IconButton(onClick = { nav.navigate(Routes.SETTINGS) }) {
                                Icon(Icons.Filled.Settings, contentDescription = stringResource(R.string.nav_settings))
                            }
                        }
                    },
                )
            }
        },
        bottomBar = {
            if (onTab) {
                NavigationBar {
                    tabs.forEach { tab ->
                        NavigationBarItem(
                            selected = route == tab.route,
                            onClick = { nav.navigateToTab(tab.route) },
                            icon = { Icon(tab.icon, contentDescription = null) },
                            label = { Text(stringResource(tab.label)) },
                        )
                    }
                }
            }
        },
        floatingActionButton = {
            if (route == Routes.TODAY) {
                FloatingActionButton(onClick = { nav.navigate(Routes.log()) }) {
                    Icon(Icons.Filled.Add, contentDescription = stringResource(R.string.nav_log))
                }
            }
        },
    ) { padding ->
        NavHost(nav, startDestination = startRoute, modifier = Modifier.padding(padding)) {
            composable(Routes.ONBOARDING) {
                val presenter = rememberPresenter(core, Routes.ONBOARDING) { c, s -> OnboardingPresenter(c, s) }
                val state by presenter.state.collectAsStateWithLifecycle()
                OnboardingScreen(
                    state,
                    presenter::onEvent,
                    onDone = {
                        onOnboarded()
                        nav.navigate(Routes.TODAY) { popUpTo(Routes.ONBOARDING) { inclusive = true } }
                    },
                    onProblemAction = { onStoreProblem(it) {} },
                )
            }
            composable(Routes.TODAY) { TodayRoute(core, nav, onStoreProblem) }
            composable(
                Routes.LOG,
                arguments = listOf(
                    navArgument("exercise") { type = NavType.StringType; defaultValue = "" },
                    navArgument("set") { type = NavType.StringType; defaultValue = "" },
                ),
            ) { back ->
                val exercise = back.arguments?.getString("exercise").orEmpty()
                val set = back.arguments?.getString("set").orEmpty().ifEmpty { null }
                val presenter = rememberPresenter(core, "log:$exercise:$set") { c, s -> LogPresenter(c, s, exercise, set) }
                val state by presenter.state.collectAsStateWithLifecycle()
                LogScreen(state, presenter::onEvent, onClose = { nav.popBackStack() }, onProblemAction = { onStoreProblem(it) {} })
            }
            composable(Routes.HISTORY) {
                val presenter = rememberPresenter(core, Routes.HISTORY) { c, s -> HistoryPresenter(c, s) }
                val state by presenter.state.collectAsStateWithLifecycle()
                HistoryScreen(
                    state,
                    presenter::onEvent,
                    onEditSet = { nav.navigate(Routes.log(set = it)) },
                    onProblemAction = { onStoreProblem(it) { presenter.onEvent(app.heft.presenter.HistoryEvent.Refresh) } },
                )
            }
            composable(Routes.PROGRESS) {
                val presenter = rememberPresenter(core, Routes.PROGRESS) { c, s -> ProgressPresenter(c, s) }
                val state by presenter.state.collectAsStateWithLifecycle()
                ProgressScreen(
                    state,
                    presenter::onEvent,
                    onProblemAction = { onStoreProblem(it) { presenter.onEvent(app.heft.presenter.ProgressEvent.Refresh) } },
                )
            }
            composable(Routes.MEASURES) {
                val presenter = rememberPresenter(core, Routes.MEASURES) { c, s -> MeasuresPresenter(c, s) }
                val state by presenter.state.collectAsStateWithLifecycle()
                MeasuresScreen(
                    state,
                    presenter::onEvent,
                    onProblemAction = { onStoreProblem(it) { presenter.onEvent(app.heft.presenter.MeasuresEvent.Refresh) } },
                )
            }
            composable(Routes.PROGRAM) {
                val presenter = rememberPresenter(core, Routes.PROGRAM) { c, s -> ProgramPresenter(c, s) }
                val state by presenter.state.collectAsStateWithLifecycle()
                ProgramScreen(
                    state,
                    presenter::onEvent,
                    onProblemAction = { onStoreProblem(it) { presenter.onEvent(app.heft.presenter.ProgramEvent.Refresh) } },
                )
            }
            composable(Routes.SETTINGS) {
                val presenter = rememberPresenter(core, Routes.SETTINGS) { c, s -> SettingsPresenter(c, s) }
                val state by presenter.state.collectAsStateWithLifecycle()
                SettingsScreen(
                    state,
                    presenter::onEvent,
                    onProblemAction = { onStoreProblem(it) { presenter.onEvent(app.heft.presenter.SettingsEvent.Refresh) } },
                )
            }
            composable(Routes.SYNC) { SyncRoute(core, onStoreProblem) }
        }
    }
}

/**
 * Today with its platform work: the rest timer's service follows the
 * record's `rest`, and the notification permission is asked for the first
 * time a rest starts (Android 13 and newer), when its use is plain.
 */
@Composable
private fun TodayRoute(
    core: CoreContext,
    nav: NavHostController,
    onStoreProblem: (ProblemActionKind, () -> Unit) -> Unit,
) {
    val presenter = rememberPresenter(core, Routes.TODAY) { c, s -> TodayPresenter(c, s) }
    val state by presenter.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    var asked by rememberSaveable { mutableStateOf(false) }
    val permission = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { asked = true }
    val screen = (state.screen as? Loadable.Ready)?.value
    val rest = screen?.rest
    // Only a screen read says whether a rest runs: while loading, leave
    // the service as it is.
    LaunchedEffect(rest, screen != null) {
        if (screen == null) return@LaunchedEffect
        if (rest == null) {
            RestTimerService.stop(context)
            return@LaunchedEffect
        }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU && !asked && !Notifications.allowed(context)) {
            asked = true
            permission.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
        RestTimerService.start(context, rest)
    }
    // Recovering and reopening the store are the app's; the rest is Today's.
    val onEvent: (TodayEvent) -> Unit = { event ->
        if (event is TodayEvent.ProblemAction) {
            onStoreProblem(event.kind) { presenter.onEvent(event) }
        } else {
            presenter.onEvent(event)
        }
    }
    TodayScreen(
        state,
        onEvent,
        onEnterLoad = { exercise -> nav.navigate(Routes.log(exercise = exercise)) },
        onEditSet = { nav.navigate(Routes.log(set = it)) },
        onChooseProgram = { nav.navigateToTab(Routes.PROGRAM) },
        onOpenWorkout = { nav.navigateToTab(Routes.HISTORY) },
    )
}

/** A bottom-bar destination: one copy on the stack, its state kept when left. */
private fun NavHostController.navigateToTab(route: String) {
    navigate(route) {
        popUpTo(graph.findStartDestination().id) { saveState = true }
        launchSingleTop = true
        restoreState = true
    }
}
