import HeftCore
import HeftPresentation
import SwiftUI

/// The view models of one open store, made once and kept while it stays
/// open: a reopened store gets new ones.
@MainActor
final class Screens {
    let core: CoreContext
    let app: AppModel
    private(set) lazy var today = TodayModel(core: core)
    private(set) lazy var history = HistoryModel(core: core)
    private(set) lazy var progress = ProgressModel(core: core)
    private(set) lazy var measures = MeasuresModel(core: core)
    private(set) lazy var program = ProgramModel(core: core)
    private(set) lazy var settings = SettingsModel(core: core)
    private(set) lazy var sync = SyncModel(core: core)
    private(set) lazy var onboarding = OnboardingModel(core: core)

    init(core: CoreContext) {
        self.core = core
        app = AppModel(core: core)
    }
}

/// The app's start: the store opening, onboarding on a first run, then the
/// tabs. Recovering and reopening the store are the app's; refresh and
/// retry belong to each screen.
@MainActor
struct RootView: View {
    let holder: StoreHolder
    @State private var cache = ScreensCache()

    var body: some View {
        switch holder.opening {
        case .pending:
            ProgressView()
        case .failed(let problem):
            ScrollView { ProblemView(problem: problem, onAction: storeAction) }
        case .ready(let core, let generation):
            StartView(screens: cache.screens(core, generation), onStoreProblem: storeAction)
                .environment(\.storeProblemAction, storeAction)
        }
    }

    private func storeAction(_ kind: ProblemActionKind) {
        switch kind {
        case .recover: holder.recover()
        case .reopen, .retry, .refresh: holder.reopen()
        }
    }
}

/// The screens of the store's current opening, made on its first draw.
/// Not observed: remembering them changes nothing on screen.
private final class ScreensCache {
    private var made: (generation: Int, screens: Screens)?

    @MainActor
    func screens(_ core: CoreContext, _ generation: Int) -> Screens {
        if let made, made.generation == generation { return made.screens }
        let screens = Screens(core: core)
        made = (generation, screens)
        return screens
    }
}

@MainActor
private struct StartView: View {
    let screens: Screens
    let onStoreProblem: (ProblemActionKind) -> Void

    var body: some View {
        switch screens.app.start {
        case .loading:
            ProgressView()
        case .failed(let problem):
            ScrollView {
                ProblemView(problem: problem) { kind in
                    if kind == .recover || kind == .reopen { onStoreProblem(kind) } else { screens.app.read() }
                }
            }
        case .ready(.onboarding):
            OnboardingView(model: screens.onboarding) { screens.app.onboarded() }
        case .ready(.today):
            MainTabs(screens: screens, onStoreProblem: onStoreProblem)
        }
    }
}

/// The tabs: Today, History, Progress, Measures, and More (Program,
/// Settings, Sync). Each tab keeps its own navigation stack.
@MainActor
private struct MainTabs: View {
    let screens: Screens
    let onStoreProblem: (ProblemActionKind) -> Void

    private enum Tab: Hashable {
        case today, history, progress, measures, more
    }

    @State private var tab = Tab.today
    @State private var logging: LogSheet?
    @State private var morePath: [MoreScreen] = []

    var body: some View {
        TabView(selection: $tab) {
            NavigationStack {
                TodayView(model: screens.today, onLog: { logging = LogSheet($0, core: screens.core) }, onChooseProgram: {
                    morePath = [.program]
                    tab = .more
                })
            }
            .tabItem { Label("tab.today", systemImage: "figure.strengthtraining.traditional") }
            .tag(Tab.today)
            NavigationStack {
                HistoryView(model: screens.history, onEdit: { logging = LogSheet(.edit(setId: $0), core: screens.core) })
            }
            .tabItem { Label("tab.history", systemImage: "calendar") }
            .tag(Tab.history)
            NavigationStack {
                ProgressScreenView(model: screens.progress)
            }
            .tabItem { Label("tab.progress", systemImage: "chart.line.uptrend.xyaxis") }
            .tag(Tab.progress)
            NavigationStack {
                MeasuresView(model: screens.measures)
            }
            .tabItem { Label("tab.measures", systemImage: "ruler") }
            .tag(Tab.measures)
            NavigationStack(path: $morePath) {
                List {
                    NavigationLink(value: MoreScreen.program) { Label("more.program", systemImage: "list.bullet.rectangle") }
                    NavigationLink(value: MoreScreen.settings) { Label("more.settings", systemImage: "gearshape") }
                    NavigationLink(value: MoreScreen.sync) { Label("more.sync", systemImage: "arrow.triangle.2.circlepath") }
                }
                .navigationTitle(Text("tab.more"))
                .navigationDestination(for: MoreScreen.self) { screen in
                    switch screen {
                    case .program: ProgramView(model: screens.program)
                    case .settings: SettingsView(model: screens.settings)
                    case .sync: SyncView(model: screens.sync)
                    }
                }
            }
            .tabItem { Label("tab.more", systemImage: "ellipsis.circle") }
            .tag(Tab.more)
        }
        .sheet(item: $logging) { sheet in
            LogView(model: sheet.model)
        }
    }
}

private enum MoreScreen: Hashable {
    case program, settings, sync
}

/// The Log form as a sheet, with its own view model for each opening.
private struct LogSheet: Identifiable {
    let id = UUID()
    let model: LogModel

    @MainActor
    init(_ target: LogTarget, core: CoreContext) {
        switch target {
        case .exercise(let name): model = LogModel(core: core, exercise: name)
        case .edit(let setId): model = LogModel(core: core, setId: setId)
        }
    }
}
