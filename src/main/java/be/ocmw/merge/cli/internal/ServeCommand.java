package be.ocmw.merge.cli.internal;

import be.ocmw.merge.scheduling.SchedulerSettings;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs until stopped (Ctrl-C, SIGTERM); the scheduler shuts down with the application, finishing a running job. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the dashboard (http://localhost:PORT, form login) and the scheduler: the nightly reconciliation "
                + "(cron OCMW_RECONCILE_CRON, default 02:00 Europe/Brussels), on a Quartz job store in the same PostgreSQL, "
                + "clustered: of several serve processes on one database, one fires it. Refuses to start without dashboard "
                + "users (--users FILE) unless --demo. Runs until stopped.")
class ServeCommand extends DatabaseCommand {

    @Override
    protected boolean createsDatabase() {
        return true;
    }

    @Mixin
    RegistryOption registry;

    @Option(names = "--users", paramLabel = "FILE",
            description = "A properties file with the dashboard users: ocmw.web.users.<name>.password={bcrypt}… (see "
                    + "hash-password) and ocmw.web.users.<name>.role=COORDINATOR|OPERATOR.")
    Path users;

    @Option(names = "--demo", description = "The demo profile: users coordinator/coordinator and operator/operator. "
            + "Never for real data; every page says DEMO.")
    boolean demo;

    @Option(names = "--port", paramLabel = "PORT", description = "The dashboard's port (default OCMW_PORT or 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--reports", paramLabel = "DIR",
            description = "Where the dashboard writes and finds the reports (default OCMW_REPORTS or ./out, as make run writes them).")
    Path reports;

    @Override
    protected boolean startsLazily() {
        return false;
    }

    @Override
    protected List<String> properties() {
        if (users != null && !Files.isRegularFile(users)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--users: no file " + users);
        }
        List<String> properties = new ArrayList<>(List.of("--spring.main.web-application-type=servlet",
                "--ocmw.scheduler.enabled=true"));
        if (users != null) {
            properties.add("--spring.config.import=file:" + users.toAbsolutePath());
        }
        if (demo) {
            properties.add("--spring.profiles.active=demo");
        }
        if (port != null) {
            properties.add("--server.port=" + port);
        }
        if (reports != null) {
            properties.add("--ocmw.web.reports=" + reports.toAbsolutePath());
        }
        return properties;
    }

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) throws InterruptedException {
        SchedulerSettings settings = context.getBean(SchedulerSettings.class);
        int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        out().printf("Dashboard: http://localhost:%d/%s%n", actualPort, demo ? " (DEMO: log in as operator/operator or "
                + "coordinator/coordinator; never for real data)" : "");
        out().printf("Scheduler: the nightly reconciliation runs at cron '%s' (%s). Stop with Ctrl-C.%n", settings.cron(),
                settings.zone());
        out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
        return 0;
    }
}
