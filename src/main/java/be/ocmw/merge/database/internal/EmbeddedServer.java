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
 * The embedded PostgreSQL in {@code HOME/pgdata}, shared by every ocmw-merge process on the folder: the first one that
 * needs it starts it, the others connect to it, and it stops an idle time after the last one is done with it (at once
 * with an idle time of 0): {@link IdleStop}. {@code serve} keeps it up while it runs, so commands beside the dashboard
 * connect to a server that is already there.
 *
 * <p>Two locks, both released by the operating system even when a process is killed. {@code HOME/ocmw-merge.lock},
 * exclusive, is held only while a process decides to start or stop the server (two postmasters on one folder would
 * corrupt it, and PostgreSQL's own check comes too late for a first run's initdb). {@code HOME/users.lock} is held
 * shared by every process while it uses the server: a process that finishes and can take it exclusively knows it was
 * the last one, and stops the server or leaves that to the idle watch. A server left running by a killed process is simply used by the next one (and
 * stopped by it when it is the last). What must be exclusive beyond that (one apply of a merger at a time) is
 * PostgreSQL's own business: advisory locks.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Path home;
    private final Duration lockWait;
    private final Duration idle;
    private final Consumer<String> notice;
    private final FileChannel control;
    private final FileChannel users;
    private final FileLock use;
    private final int port;
    private final boolean started;

    private EmbeddedServer(Path home, Duration lockWait, Duration idle, Consumer<String> notice, FileChannel control,
                           FileChannel users, FileLock use, int port, boolean started) {
        this.home = home;
        this.lockWait = lockWait;
        this.idle = idle;
        this.notice = notice;
        this.control = control;
        this.users = users;
        this.use = use;
        this.port = port;
        this.started = started;
    }

    /** For runs against a PostgreSQL server: nothing to start or stop. */
    public static EmbeddedServer none() {
        return new EmbeddedServer(null, null, null, null, null, null, null, -1, false);
    }

    /** Whether this process started the server (false: it was running already, for another process). */
    public boolean startedHere() {
        return started;
    }

    public static EmbeddedServer start(Path home, Duration lockWait, Duration idle, Consumer<String> notice) {
        FileChannel control = null;
        FileChannel users = null;
        try {
            Files.createDirectories(home);
            control = lockFile(home.resolve("ocmw-merge.lock"));
            users = lockFile(home.resolve("users.lock"));
            FileLock deciding = acquire(control, home, lockWait, notice);
            try {
                Files.writeString(home.resolve("holder"), ProcessHandle.current().pid() + " since "
                        + TIME.format(Instant.now()) + "\n", StandardCharsets.UTF_8);
                Path data = home.resolve("pgdata");
                Optional<Integer> running = runningPort(data);
                boolean started = running.isEmpty();
                boolean fresh = !Files.exists(home.resolve("pgdata.ready"));
                int port = running.isPresent() ? running.get() : startPostmaster(home, data);
                if (fresh) {
                    Path where = home.toAbsolutePath().normalize();
                    notice.accept("Made a new ocmw-merge database in " + where + ": the commands run in this folder (or "
                            + "with OCMW_HOME=" + where + ") use it.");
                }
                // held until this process is done with the server (or dies): the last one out stops it
                FileLock use = users.lock(0, Long.MAX_VALUE, true);
                return new EmbeddedServer(home, lockWait, idle, notice, control, users, use, port, started);
            } finally {
                deciding.release();
            }
        } catch (IOException e) {
            closeQuietly(users);
            closeQuietly(control);
            throw new UncheckedIOException("Cannot start the embedded database in " + home.toAbsolutePath()
                    + ": " + e.getMessage() + " (see " + home.resolve("postgres.log") + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(users);
            closeQuietly(control);
            throw e;
        }
    }

    /** Starts a postmaster that outlives this process (other processes may still use it when this one ends). */
    private static int startPostmaster(Path home, Path data) throws IOException {
        // not running: whatever a killed process left is stopped, a first start killed before the server ran redone
        stopPostmaster(data);
        Path ready = home.resolve("pgdata.ready");
        if (Files.exists(data) && !Files.exists(ready)) {
            deleteRecursively(data);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data.toFile())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
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
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()));
        EmbeddedPostgres postgres = startWhenFree(builder);
        Files.writeString(ready, "initialised " + TIME.format(Instant.now()) + "\n", StandardCharsets.UTF_8);
        return postgres.getPort();
    }

    /**
     * The library holds a lock of its own on the data folder for as long as the process that started a server lives: a
     * process that was not the last to use the server it started may still be exiting when the next server starts.
     */
    private static EmbeddedPostgres startWhenFree(EmbeddedPostgres.Builder builder) throws IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try {
                return builder.start();
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).contains("could not lock") || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * The port of the postmaster running on the folder and answering there, if there is one: its pid file names a
     * live {@code postgres} process and the port it listens on.
     */
    static Optional<Integer> runningPort(Path data) throws IOException {
        List<String> lines = pidFile(data);
        if (postmaster(lines).isEmpty() || lines.size() < 4) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(lines.get(3).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 2000);
            return Optional.of(port);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a live postgres process is named by the folder's pid file. */
    static boolean postmasterAlive(Path data) {
        try {
            return postmaster(data).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** The live {@code postgres} process the folder's pid file names, if any. */
    private static Optional<ProcessHandle> postmaster(Path data) throws IOException {
        return postmaster(pidFile(data));
    }

    /** The live {@code postgres} process the lines of a pid file name, if any. */
    private static Optional<ProcessHandle> postmaster(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(EmbeddedServer::running)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    /** One of the folder's lock files, made when it is not there yet. */
    static FileChannel lockFile(Path lock) throws IOException {
        return FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    /** The lines of the folder's postmaster.pid; none when there is none (a server that stopped removes it). */
    private static List<String> pidFile(Path data) throws IOException {
        try {
            return Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        }
    }

    static FileLock acquire(FileChannel channel, Path home, Duration wait, Consumer<String> notice)
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
     * {@code database stop}: under the folder's control lock, when no process holds the server in use, stops it and
     * waits until it is down (the idle watch then finds it gone and ends).
     */
    public static be.ocmw.merge.database.EmbeddedDatabase.Stopped stopNow(Path home) throws IOException {
        Path data = home.resolve("pgdata");
        if (!Files.exists(home.resolve("ocmw-merge.lock")) || !postmasterAlive(data)) {
            return be.ocmw.merge.database.EmbeddedDatabase.Stopped.NOT_RUNNING;
        }
        try (FileChannel control = lockFile(home.resolve("ocmw-merge.lock"));
             FileChannel users = lockFile(home.resolve("users.lock"))) {
            FileLock deciding = control.lock();
            try {
                FileLock alone = users.tryLock(0, Long.MAX_VALUE, false);
                if (alone == null) {
                    return be.ocmw.merge.database.EmbeddedDatabase.Stopped.IN_USE;
                }
                try {
                    if (!postmasterAlive(data)) {
                        return be.ocmw.merge.database.EmbeddedDatabase.Stopped.NOT_RUNNING;
                    }
                    stopPostmaster(data);
                    return postmasterAlive(data) ? be.ocmw.merge.database.EmbeddedDatabase.Stopped.IN_USE
                            : be.ocmw.merge.database.EmbeddedDatabase.Stopped.STOPPED;
                } finally {
                    alone.release();
                }
            } finally {
                deciding.release();
            }
        }
    }

    /**
     * Stops the postmaster on the folder, when no process uses it (the caller knows): SIGTERM, PostgreSQL's smart
     * shutdown, quick because its clients are gone; then insists.
     */
    static void stopPostmaster(Path data) throws IOException {
        Optional<ProcessHandle> postmaster = postmaster(data);
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
        while (running(process) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !running(process);
    }

    /**
     * Alive and not a zombie: the postmaster outlives the process that started it, so its parent is init, and where init
     * is slow to reap (a container) an exited postmaster stays "alive" for a second or two.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8);
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            // no /proc (not Linux): alive, as the handle said
            return true;
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Done with the server: the last process to be done stops it, or has it stopped after the idle time. */
    @Override
    public void close() throws IOException {
        if (use == null) {
            return;
        }
        try {
            use.release();
            FileLock deciding = acquire(control, home, lockWait, notice);
            try {
                FileLock alone = users.tryLock(0, Long.MAX_VALUE, false);
                if (alone != null) {
                    try {
                        if (idle.isZero() || !IdleStop.arrange(home, idle)) {
                            stopPostmaster(home.resolve("pgdata"));
                        }
                    } finally {
                        alone.release();
                    }
                }
            } finally {
                deciding.release();
            }
        } finally {
            closeQuietly(users);
            closeQuietly(control);
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
