package be.ocmw.merge.database.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded server's idle time. The last process done with the server leaves it running, notes the time and its
 * idle time in {@code HOME/last-use} (the watch goes by the latest, so a changed OCMW_DB_IDLE counts) and makes sure one small watch process runs ({@code HOME/idle-watch.pid}): the jar's hidden
 * command {@value #COMMAND}, without Spring. The watch stops the server when nobody has used it for the idle time; when
 * it finds the server in use it ends, and the next process to be the last one out starts a new watch. Both decide
 * under the folder's control lock, so a command starting at that moment either finds the server running or starts it.
 */
public final class IdleStop {

    /** The jar's hidden command that is the watch. */
    public static final String COMMAND = "database-idle-stop";

    private IdleStop() {
    }

    /**
     * Leaves the server to the watch (the caller is the last user and holds the control lock); false when no watch can
     * be started (the application does not run from its jar, as in tests): then the caller stops the server itself.
     */
    static boolean arrange(Path home, Duration idle) throws IOException {
        Files.writeString(home.resolve("last-use"), Instant.now() + " " + idle.toMillis(), StandardCharsets.UTF_8);
        if (watching(home)) {
            return true;
        }
        Optional<List<String>> command = watchCommand(home, idle);
        if (command.isEmpty()) {
            return false;
        }
        Process watch = new ProcessBuilder(command.get())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("idle-watch.log").toFile()))
                .start();
        Files.writeString(home.resolve("idle-watch.pid"), Long.toString(watch.pid()), StandardCharsets.UTF_8);
        return true;
    }

    private static boolean watching(Path home) {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("idle-watch.pid"), StandardCharsets.UTF_8).trim());
            // a watch that has ended may linger as a zombie until init reaps it: that is no watch
            return ProcessHandle.of(pid).filter(EmbeddedServer::running)
                    .map(p -> p.info().commandLine().map(line -> line.contains(COMMAND)).orElse(true)).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** The same java and jar as this process, on a small heap and the first JIT tier: it sleeps and stops a server. */
    private static Optional<List<String>> watchCommand(Path home, Duration idle) {
        String classPath = System.getProperty("java.class.path", "");
        String launched = System.getProperty("sun.java.command", "");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)
                || !launched.startsWith(classPath)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // its own session: a Ctrl-C in the terminal the command ran in does not reach it
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                Path.of(classPath).toAbsolutePath().toString(), COMMAND, home.toAbsolutePath().toString(),
                Long.toString(idle.toMillis())));
        return Optional.of(command);
    }

    /** The watch: waits until the server has been idle for {@code idle}, then stops it; ends early when it is in use. */
    public static void watch(Path home, Duration idle) throws IOException, InterruptedException {
        try (FileChannel control = EmbeddedServer.lockFile(home.resolve("ocmw-merge.lock"));
             FileChannel users = EmbeddedServer.lockFile(home.resolve("users.lock"))) {
            while (true) {
                if (!EmbeddedServer.postmasterAlive(home.resolve("pgdata"))) {
                    // stopped by a process with no idle time (or gone): nothing left to watch
                    Files.deleteIfExists(home.resolve("idle-watch.pid"));
                    return;
                }
                LastUse lastUse = LastUse.of(home, idle);
                Duration left = Duration.between(Instant.now(), lastUse.at().plus(lastUse.idle()));
                if (!left.isNegative() && !left.isZero()) {
                    // a few seconds at a time: a later process may have asked for a shorter idle time
                    Thread.sleep(Math.min(left.toMillis() + 10, 2_000));
                    continue;
                }
                FileLock deciding = control.lock();
                try {
                    if (!LastUse.of(home, idle).equals(lastUse)) {
                        continue;
                    }
                    FileLock alone = users.tryLock(0, Long.MAX_VALUE, false);
                    if (alone != null) {
                        try {
                            EmbeddedServer.stopPostmaster(home.resolve("pgdata"));
                        } finally {
                            alone.release();
                        }
                    }
                    // stopped, or in use: the last one out will start a new watch
                    Files.deleteIfExists(home.resolve("idle-watch.pid"));
                    return;
                } finally {
                    deciding.release();
                }
            }
        }
    }

    /** When the last process was done with the server, and the idle time it asked for. */
    private record LastUse(Instant at, Duration idle) {

        static LastUse of(Path home, Duration idle) {
            try {
                String[] words = Files.readString(home.resolve("last-use"), StandardCharsets.UTF_8).trim().split(" ");
                return new LastUse(Instant.parse(words[0]),
                        words.length > 1 ? Duration.ofMillis(Long.parseLong(words[1])) : idle);
            } catch (IOException | DateTimeParseException | NumberFormatException e) {
                return new LastUse(Instant.EPOCH, idle);
            }
        }
    }
}
