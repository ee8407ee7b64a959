package be.ocmw.merge.database.internal;

import be.ocmw.merge.database.DatabaseBusyException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL of one ocmw-merge run, with its data in {@code HOME/pgdata}.
 *
 * <p>Only one run at a time may use a data folder: two postmasters on one folder would corrupt it, and
 * PostgreSQL's own check comes too late for a first run's initdb. So a run first takes an exclusive lock
 * on {@code HOME/ocmw-merge.lock} (released by the operating system even when the process is killed), and
 * only then starts the server. Holding that lock also proves that a postmaster still running on the folder
 * was orphaned by a killed run, so it is stopped before a new one starts.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedServer(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /** For runs against a PostgreSQL server: nothing to start or stop. */
    public static EmbeddedServer none() {
        return new EmbeddedServer(null, null, null);
    }

    public static EmbeddedServer start(Path home, Duration lockWait, Consumer<String> notice) {
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(home.resolve("ocmw-merge.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock = acquire(channel, home, lockWait, notice);
            Files.writeString(home.resolve("holder"), ProcessHandle.current().pid() + " since "
                    + TIME.format(Instant.now()) + "\n", StandardCharsets.UTF_8);
            Path data = home.resolve("pgdata");
            Path ready = home.resolve("pgdata.ready");
            stopOrphanedPostmaster(data);
            if (Files.exists(data) && !Files.exists(ready)) {
                // a first start that was killed before the server ever ran: nothing in it but initdb's output
                deleteRecursively(data);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data.toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // the same on every machine: UTF-8, byte-order collation (exports sort the same everywhere)
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    // loads and applies write millions of rows in a few transactions
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "30min")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                    .start();
            Files.writeString(ready, "initialised " + TIME.format(Instant.now()) + "\n", StandardCharsets.UTF_8);
            return new EmbeddedServer(channel, lock, postgres);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot start the embedded database in " + home.toAbsolutePath()
                    + ": " + e.getMessage() + " (see " + home.resolve("postgres.log") + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock acquire(FileChannel channel, Path home, Duration wait, Consumer<String> notice)
            throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        String holder = holder(home);
        notice.accept("Another ocmw-merge run is using the database in " + home.toAbsolutePath().normalize()
                + " (process " + holder + "); waiting up to " + describe(wait) + " for it to finish…");
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        }
        throw new DatabaseBusyException("Another ocmw-merge run (process " + holder + ") still holds the database in "
                + home.toAbsolutePath().normalize() + " after " + describe(wait)
                + ". Run the command again when it has finished.");
    }

    private static String holder(Path home) {
        try {
            return Files.readString(home.resolve("holder"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String describe(Duration wait) {
        return wait.toSeconds() >= 120 ? wait.toMinutes() + " minutes" : wait.toSeconds() + " seconds";
    }

    /**
     * A killed run leaves its postmaster running. We hold the lock, so no live run owns it: ask it to shut
     * down (SIGTERM, PostgreSQL's smart shutdown, quick because its client is gone), then insist.
     */
    private static void stopOrphanedPostmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        process.destroy();
        if (!waitForExit(process, Duration.ofSeconds(20))) {
            process.destroyForcibly();
            waitForExit(process, Duration.ofSeconds(10));
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            if (lock != null) {
                lock.release();
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the process is ending; the operating system releases the lock anyway
            }
        }
    }
}
