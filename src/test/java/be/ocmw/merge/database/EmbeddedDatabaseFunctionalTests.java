package be.ocmw.merge.database;

import be.ocmw.merge.support.Waiting;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's own database: where it lives, that it persists, and that runs do not trample each other. */
class EmbeddedDatabaseFunctionalTests {

    @TempDir
    Path workDir;

    @Test
    void aCommandThatReadsDataWhereThereIsNoneRefusesAndALoadMakesTheDatabase() throws Exception {
        OcmwMergeJar jar = OcmwMergeJar.in(workDir);

        // status in an empty folder: refused, saying where it looked and how to point at the data, nothing made
        Run nowhere = jar.run("status");
        assertThat(nowhere.exitCode()).as(nowhere.output()).isEqualTo(ExitCode.INPUT);
        assertThat(nowhere.err()).contains("There is no ocmw-merge database in " + workDir.toRealPath().resolve(".ocmw"))
                .contains("OCMW_HOME").doesNotContain("Exception");
        assertThat(workDir.resolve(".ocmw")).doesNotExist();

        // a load makes it and says so, once; the next commands see its data
        Run first = load(jar);
        Run second = jar.run("status");
        Run third = jar.run("status");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.err()).contains("Made a new ocmw-merge database in " + workDir.toRealPath().resolve(".ocmw"));
        assertThat(workDir.resolve(".ocmw/pgdata/PG_VERSION")).exists();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.out()).contains("embedded PostgreSQL in " + workDir.toRealPath().resolve(".ocmw"))
                .contains("schema version " + latestMigration());
        assertThat(third.out()).containsPattern("#2 .* status .* exit 0: done").containsPattern("#3 .* this run");
        assertThat(second.err() + third.err()).doesNotContain("Made a new");
        assertThat(first.output() + second.output()).doesNotContain("INFO").doesNotContain("Exception");
        // and OCMW_HOME points at it from anywhere
        Path elsewhere = Files.createDirectories(workDir.resolve("elsewhere"));
        Run pointed = OcmwMergeJar.in(elsewhere).env("OCMW_HOME", workDir.resolve(".ocmw").toString()).run("status");
        assertThat(pointed.exitCode()).as(pointed.output()).isZero();
        assertThat(pointed.out()).containsPattern("#4 .* this run");
        assertThat(elsewhere.resolve(".ocmw")).doesNotExist();
    }

    @Test
    void commandsRunBesideTheDashboardOnTheSameDatabaseAndAKilledServeLosesNothing() throws Exception {
        OcmwMergeJar jar = OcmwMergeJar.in(workDir);
        load(jar);
        Started serve = jar.start("serve", "--demo", "--port", "0");
        try {
            awaitOutput(serve, "Dashboard: http://localhost:");

            // while serve holds the database, commands use it too, without waiting for it
            Run status = jar.run("status");
            Run export = jar.run("export", "dossiers", "--out", "dossiers.csv", "--reason", "test: compare with the source");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.err()).doesNotContain("waiting");
            assertThat(status.out()).contains("2 OCMW Online requests").contains(" serve ");
            assertThat(export.exitCode()).as(export.output()).isZero();
            assertThat(serve.process().isAlive()).as("serve still runs").isTrue();
        } finally {
            // killed as a machine's crash would
            serve.process().destroyForcibly().waitFor();
        }

        Run after = jar.run("status");
        assertThat(after.exitCode()).as(after.output()).isZero();
        assertThat(after.out()).contains("2 OCMW Online requests").contains("export dossiers");
        assertThat(postmasterRunning()).as("the last command out stopped the server").isFalse();
    }

    @Test
    void aSecondRunWaitsWhileTheServerIsBeingStartedOrStopped() throws Exception {
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_LOCK_WAIT", "60s");
        load(jar);

        Started waiting;
        try (HeldLock held = HeldLock.on(workDir.resolve(".ocmw"))) {
            waiting = jar.start("status");
            awaitOutput(waiting, "waiting up to 60 seconds");
        }
        Run run = waiting.await();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.err()).contains("Another ocmw-merge run is using the database in");
        assertThat(run.out()).contains("#2");
    }

    @Test
    void aRunThatWaitedTooLongSaysWhoHoldsTheDatabaseAndExits5() throws Exception {
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_LOCK_WAIT", "2s");
        load(jar);

        Run run;
        try (HeldLock held = HeldLock.on(workDir.resolve(".ocmw"))) {
            run = jar.run("status");
        }

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("still holds the database").contains("process " + ProcessHandle.current().pid())
                .contains("Run the command again").doesNotContain("Exception");
    }

    @Test
    void twoRunsStartedAtOnceBothSucceedOnOneServer() throws Exception {
        OcmwMergeJar jar = OcmwMergeJar.in(workDir);
        load(jar);

        Started one = jar.start("status");
        Started two = jar.start("status");
        Run first = one.await();
        Run second = two.await();

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(jar.run("status").out()).containsPattern("#2 .* exit 0").containsPattern("#3 .* exit 0");
        assertThat(postmasterRunning()).as("the last one out stopped the server").isFalse();
    }

    @Test
    void aRunKilledWhileItHoldsTheDatabaseIsNoObstacleToTheNextOne() throws Exception {
        OcmwMergeJar jar = OcmwMergeJar.in(workDir);
        load(jar);
        Path pidFile = workDir.resolve(".ocmw/pgdata/postmaster.pid");

        Started killed = jar.start("status");
        Optional<ProcessHandle> postmaster = awaitPostmaster(pidFile);
        killed.process().destroyForcibly().waitFor();

        assertThat(postmaster).as("the killed run had started its postmaster").isPresent();
        Run next = jar.run("status");

        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(alive(postmaster.get())).as("the server the killed run left was used, then stopped by the last one out")
                .isFalse();
        assertThat(next.out()).contains("#2").contains("this run");
    }

    @Test
    void withAnIdleTimeTheServerOutlivesTheLastCommandAndTheNextOneFindsItRunning() throws Exception {
        OcmwMergeJar lingering = OcmwMergeJar.in(workDir).env("OCMW_DB_IDLE", "2m");
        load(lingering);
        Optional<ProcessHandle> postmaster = awaitPostmaster(workDir.resolve(".ocmw/pgdata/postmaster.pid"));
        assertThat(postmaster).isPresent();
        assertThat(alive(postmaster.get())).as("up after the last command, for the idle time").isTrue();

        // the next command uses the server that is up; one with a short idle time has it stopped soon after
        Run next = lingering.run("status");
        Run last = OcmwMergeJar.in(workDir).env("OCMW_DB_IDLE", "1s").run("status");

        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(last.exitCode()).as(last.output()).isZero();
        assertThat(alive(postmaster.get())).as("the same server served both").isTrue();
        Waiting.until("the idle watch stopped the server and ended", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> !alive(postmaster.get()) && !Files.exists(workDir.resolve(".ocmw/idle-watch.pid")));
        Run again = OcmwMergeJar.in(workDir).run("status");
        assertThat(again.out()).containsPattern("#3 .* status .* exit 0: done").containsPattern("#4 .* this run");
    }

    @Test
    void databaseStopStopsTheServerLeftUpForItsIdleTimeSoThatItsFolderCanBeRemoved() throws Exception {
        // given a server a load left up for five minutes, as make bench's first commands leave it
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_IDLE", "5m");
        load(jar);
        Optional<ProcessHandle> postmaster = awaitPostmaster(workDir.resolve(".ocmw/pgdata/postmaster.pid"));
        assertThat(postmaster).isPresent();

        // when an operator stops it, then removes the folder, and stops again
        Run stop = jar.run("database", "stop");
        boolean upAfterStop = alive(postmaster.get());
        deleteRecursively(workDir.resolve(".ocmw"));
        Run again = jar.run("database", "stop");
        Run server = jar.env("OCMW_DB_URL", TestDatabase.freshDatabaseUrl()).run("database", "stop");

        // then it was down when the command returned, and the other two say there was nothing to do
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.out()).contains("Stopped the embedded database in " + workDir.resolve(".ocmw").toAbsolutePath());
        assertThat(upAfterStop).as("the server is down when database stop returns").isFalse();
        assertThat(workDir.resolve(".ocmw")).doesNotExist();
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("nothing to stop");
        assertThat(server.exitCode()).isZero();
        assertThat(server.out()).contains("not the embedded database").contains("nothing was done");
    }

    @Test
    void databaseStopLeavesAServerInUseByServeRunning() throws Exception {
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_IDLE", "0");
        load(jar);
        Started serve = jar.start("serve", "--demo", "--port", "0");
        try {
            awaitOutput(serve, "Dashboard: http://localhost:");

            Run stop = jar.run("database", "stop");
            Run status = jar.run("status");

            assertThat(stop.exitCode()).as(stop.output()).isEqualTo(ExitCode.BLOCKED);
            assertThat(stop.err()).contains("is in use").contains("left running");
            assertThat(status.exitCode()).as("serve's database is still there for the next command").isZero();
        } finally {
            serve.process().destroy();
            serve.process().waitFor();
        }
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static final String REQUESTS = "reference;submitted_on;kbo;read\nOO-1;2024-02-07;0212978247;true\n"
            + "OO-2;2024-03-15;0212978247;false\n";

    /** A small load, which makes the database where there is none. */
    private Run load(OcmwMergeJar jar) throws Exception {
        Files.writeString(workDir.resolve("requests.csv"), REQUESTS);
        Run run = jar.run("load", "online-requests", "requests.csv");
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    private boolean postmasterRunning() throws Exception {
        Path pidFile = workDir.resolve(".ocmw/pgdata/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        return !first.isEmpty() && ProcessHandle.of(Long.parseLong(first)).map(EmbeddedDatabaseFunctionalTests::alive)
                .orElse(false);
    }

    /** Running, not a zombie waiting to be reaped: the postmaster's parent is init, which in a container reaps late. */
    static boolean alive(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void withDbUrlItUsesThatServerInstead() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();

        Run first = OcmwMergeJar.in(workDir).run("status", "--db-url", url);
        Run second = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url).run("status");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.out()).contains("PostgreSQL at jdbc:postgresql://").contains("schema version " + latestMigration());
        assertThat(second.out()).containsPattern("#1 .* status --db-url .* exit 0: done");
        assertThat(workDir.resolve(".ocmw/pgdata")).doesNotExist();
    }

    @Test
    void anUnreachableServerIsAClearFailureNotAStackTrace() {
        Run run = OcmwMergeJar.in(workDir).run("status", "--db-url", "jdbc:postgresql://127.0.0.1:1/ocmw");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("the database could not be used").contains("127.0.0.1:1")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().lines().count()).isLessThan(4);
    }

    /** The highest V<n>__ migration in the sources: what a fresh database is migrated to. */
    private static int latestMigration() throws Exception {
        try (var files = Files.list(be.ocmw.merge.support.Registries.projectDir().resolve("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }

    private static void awaitOutput(Started started, String text) {
        Waiting.until("the output to show '" + text + "'", Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> started.outputSoFar().contains(text));
    }

    private static Optional<ProcessHandle> awaitPostmaster(Path pidFile) {
        return Optional.of(Waiting.forValue("the postmaster of " + pidFile, Duration.ofSeconds(60), Duration.ofMillis(20), () -> {
            if (!Files.exists(pidFile)) {
                return null;
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            return first.isBlank() ? null : ProcessHandle.of(Long.parseLong(first.trim())).orElse(null);
        }));
    }

    /** Holds the run lock from this JVM, as another ocmw-merge run would. */
    private record HeldLock(FileChannel channel, FileLock lock) implements AutoCloseable {

        static HeldLock on(Path home) throws Exception {
            FileChannel channel = FileChannel.open(home.resolve("ocmw-merge.lock"), StandardOpenOption.WRITE);
            Files.writeString(home.resolve("holder"), ProcessHandle.current().pid() + " since now\n");
            return new HeldLock(channel, channel.lock());
        }

        @Override
        public void close() throws Exception {
            lock.release();
            channel.close();
        }
    }
}
