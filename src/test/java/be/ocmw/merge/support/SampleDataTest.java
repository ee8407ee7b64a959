package be.ocmw.merge.support;

import be.ocmw.merge.access.AccessLoader;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.dossiers.DossierLoader;
import be.ocmw.merge.intake.Intake;
import be.ocmw.merge.online.OnlineRequestLoader;
import be.ocmw.merge.sampledata.SampleData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

/**
 * A {@link DatabaseTest} that starts from the sample data loaded the way an operator loads it: access
 * exports, dossiers, OCMW Online requests, then the intake of the HTB submissions.
 */
public abstract class SampleDataTest extends DatabaseTest {

    @Autowired
    protected AccessLoader access;

    @Autowired
    protected DossierLoader dossiers;

    @Autowired
    protected OnlineRequestLoader requests;

    @Autowired
    protected Intake intake;

    @Autowired
    protected RunLog runLog;

    @Autowired
    protected JdbcClient jdbc;

    /** Empties the database, writes the sample data into {@code folder}/sample and loads all of it. */
    protected void loadSampleData(Path folder) {
        clean(jdbc);
        new SampleData(2025, 1).write(folder.resolve("sample"));
        access.load(folder.resolve("sample/access"), run());
        dossiers.load(folder.resolve("sample/dossiers.csv"), run());
        requests.load(folder.resolve("sample/online-requests.csv"), run());
        intake.intake(folder.resolve("sample/submissions"), run());
    }

    /**
     * Somebody new in Galmaarden's current export of Maatschappelijk Welzijn (after an apply: drift), {@code nieuw<n>}
     * with a valid INSZ of its own; returns the username.
     */
    protected String addNewcomerAtGalmaarden(int n) {
        String nine = String.format("9001011%02d", n);
        String insz = nine + String.format("%02d", 97 - Long.parseLong(nine) % 97);
        jdbc.sql("""
                insert into account (snapshot_id, kbo, domain, username, last_name, first_name, role, insz, status, applications)
                select id, kbo, domain, :u, 'Nieuw', 'Iemand', 'USER', :insz, 'ACTIEF', '{PrimaWeb}'
                from access_snapshot where kbo = '0212978247' and domain = 'Maatschappelijk Welzijn' and status = 'CURRENT'""")
                .param("u", "nieuw" + n).param("insz", insz).update();
        return "nieuw" + n;
    }

    /** A new run in the run log, as every command has. */
    protected long run() {
        return runLog.start("test", "");
    }
}
