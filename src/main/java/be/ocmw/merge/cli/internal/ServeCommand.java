package be.ocmw.merge.cli.internal;

import be.ocmw.merge.scheduling.SchedulerSettings;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs until stopped (Ctrl-C, SIGTERM); the scheduler shuts down with the application, finishing a running job. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the scheduler: the nightly reconciliation (cron OCMW_RECONCILE_CRON, default 02:00 Europe/Brussels), "
                + "on a Quartz job store in the same PostgreSQL, clustered: of several serve processes on one database, one "
                + "fires it. Runs until stopped.")
class ServeCommand extends DatabaseCommand {

    @Mixin
    RegistryOption registry;

    @Override
    protected List<String> properties() {
        return List.of("--ocmw.scheduler.enabled=true", "--ocmw.scheduler.registry=" + registry.file.toAbsolutePath());
    }

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) throws InterruptedException {
        SchedulerSettings settings = context.getBean(SchedulerSettings.class);
        out().printf("Serving: the nightly reconciliation runs at cron '%s' (%s); stop with Ctrl-C.%n", settings.cron(),
                settings.zone());
        out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
        return 0;
    }
}
