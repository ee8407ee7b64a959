package be.ocmw.merge.registry;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * The merger registry of this process: the file of {@link RegistrySettings}, read when it is first needed and again
 * only when it changed on disk (the dashboard sees an edit without a restart; a job does not parse it per row).
 */
@Component
public class Registry {

    private record Read(FileTime modified, long size, RegistryResult result) {
    }

    private final Path file;
    private volatile Read read;

    Registry(RegistrySettings settings) {
        this.file = settings.file().toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** The registry as it is on disk now, with its violations (none when it is valid). */
    public RegistryResult result() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Read last = read;
            if (last == null || !last.modified().equals(modified) || last.size() != size) {
                last = new Read(modified, size, RegistryLoader.load(file));
                read = last;
            }
            return last.result();
        } catch (IOException e) {
            // not there or unreadable: the loader says so in its words
            return RegistryLoader.load(file);
        }
    }

    /** The valid registry; refused (exit 3, naming every violation) when it is not valid. */
    public MergerRegistry current() {
        return result().registry();
    }

    /** Whether the file is there to read (a load of access exports names organisations from it when it is). */
    public boolean exists() {
        return Files.isRegularFile(file);
    }
}
