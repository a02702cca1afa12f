import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.gradle.api.Project;
import org.gradle.api.file.FileCollection;

/**
 * The Cargo workspace the Android build is made from (the repository root,
 * one level above android/), and how its commands are run: shared by the
 * tasks of :heft-bindings (the generated Kotlin) and :heft-kotlin (the
 * native libraries).
 */
public final class RustWorkspace {
    private RustWorkspace() {}

    /** The repository root. */
    public static File root(Project project) {
        return project.getRootDir().getParentFile();
    }

    /** Everything the library and its bindings are built from. */
    public static FileCollection inputs(Project project) {
        File root = root(project);
        return project.files(
                new File(root, "Cargo.toml"),
                new File(root, "Cargo.lock"),
                // LIBSQLITE3_FLAGS: the SQLite every workspace build compiles.
                new File(root, ".cargo/config.toml"),
                project.fileTree(new File(root, "core"), t -> t.exclude("benches/**", "examples/**")),
                project.fileTree(new File(root, "bindings"), t -> t.exclude("kotlin-tests/**", "tests/**", "*.md")));
    }

    /**
     * Cargo's bin directory: Android Studio started from the desktop does
     * not get the PATH of a login shell, where rustup puts cargo.
     */
    private static String cargoBin(Project project) {
        String cargoHome = project.getProviders().environmentVariable("CARGO_HOME").getOrNull();
        if (cargoHome != null) return cargoHome + "/bin";
        String home = project.getProviders().systemProperty("user.home").getOrNull();
        return home == null ? null : home + "/.cargo/bin";
    }

    /**
     * Makes [task] a command of the workspace: run from its root, with
     * Cargo's bin directory first on PATH and the Rust sources as inputs.
     */
    public static void configure(CargoTask task, Project project) {
        List<String> path = new ArrayList<>();
        String bin = cargoBin(project);
        if (bin != null) path.add(bin);
        String inherited = project.getProviders().environmentVariable("PATH").getOrNull();
        if (inherited != null) path.add(inherited);
        task.setWorkingDir(root(project));
        task.environment("PATH", String.join(File.pathSeparator, path));
        task.getRustSources().from(inputs(project));
    }

    /**
     * The cargo command by its full path where rustup put it: Gradle looks
     * up an Exec task's executable on its own PATH, not on the task's
     * environment.
     */
    public static String cargo(Project project) {
        String bin = cargoBin(project);
        if (bin != null) {
            File cargo = new File(bin, "cargo");
            if (cargo.canExecute()) return cargo.getAbsolutePath();
        }
        return "cargo";
    }
}
