import java.io.File;
import org.gradle.api.file.ConfigurableFileCollection;
import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.provider.Property;
import org.gradle.api.tasks.Exec;
import org.gradle.api.tasks.InputFiles;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.OutputDirectory;
import org.gradle.api.tasks.PathSensitive;
import org.gradle.api.tasks.PathSensitivity;

/**
 * A Cargo command run from the workspace root, with the Rust sources as its
 * inputs and one directory as its output: Gradle skips it while neither
 * changes, and Cargo is incremental on its own when it does run.
 */
public abstract class CargoTask extends Exec {
    /** What the command builds from. */
    @InputFiles
    @PathSensitive(PathSensitivity.RELATIVE)
    public abstract ConfigurableFileCollection getRustSources();

    /** Filled by the command; emptied first, so nothing stale survives. */
    @OutputDirectory
    public abstract DirectoryProperty getOutputDirectory();

    /**
     * The NDK for cargo-ndk, passed as ANDROID_NDK_HOME when set. Internal:
     * an absolute path would make the build-cache key machine-specific; the
     * NDK version is part of the build script already.
     */
    @Internal
    public abstract Property<String> getNdkPath();

    @Override
    protected void exec() {
        File out = getOutputDirectory().get().getAsFile();
        deleteTree(out);
        if (!out.mkdirs() && !out.isDirectory()) {
            throw new org.gradle.api.GradleException("cannot create " + out);
        }
        if (getNdkPath().isPresent()) {
            environment("ANDROID_NDK_HOME", getNdkPath().get());
        }
        super.exec();
    }

    private static void deleteTree(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteTree(child);
            }
        }
        // A file that is already gone is what we want.
        file.delete();
    }
}
