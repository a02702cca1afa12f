import javax.inject.Inject;
import org.gradle.api.DefaultTask;
import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.file.FileSystemOperations;
import org.gradle.api.tasks.InputDirectory;
import org.gradle.api.tasks.OutputDirectory;
import org.gradle.api.tasks.PathSensitive;
import org.gradle.api.tasks.PathSensitivity;
import org.gradle.api.tasks.TaskAction;

/**
 * Copies what a Cargo task made into the directory that AGP chose for one
 * variant's generated sources. The Cargo tasks run once for all variants;
 * this copy is what lets AGP know which task produces which sources.
 */
public abstract class CopyGenerated extends DefaultTask {
    @InputDirectory
    @PathSensitive(PathSensitivity.RELATIVE)
    public abstract DirectoryProperty getSourceDirectory();

    @OutputDirectory
    public abstract DirectoryProperty getOutputDirectory();

    @Inject
    protected abstract FileSystemOperations getFs();

    @TaskAction
    public void copy() {
        getFs().sync(spec -> {
            spec.from(getSourceDirectory());
            spec.into(getOutputDirectory());
        });
    }
}
