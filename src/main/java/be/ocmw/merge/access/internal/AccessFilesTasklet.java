package be.ocmw.merge.access.internal;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.batch.FileDigest;
import be.ocmw.merge.batch.JobTasklet;
import be.ocmw.merge.batch.RunningJob;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.registry.Registry;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registers every file of the export folder. A file that cannot be an organisation's domain is refused at
 * once; one with the same content as its organisation-domain's current snapshot is UNCHANGED and not read
 * again; every other file gets the LOADING snapshot its rows will be written into.
 */
public class AccessFilesTasklet implements JobTasklet {

    public static final String KIND = "ACCESS";

    private final LoadFiles files;
    private final JdbcClient jdbc;
    private final Registry registry;

    public AccessFilesTasklet(LoadFiles files, JdbcClient jdbc, Registry registry) {
        this.files = files;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public void execute(RunningJob job, StepContribution contribution) {
        long jobInstance = job.jobInstance();
        long run = job.run();
        Map<String, String> names = organisationNames();
        Map<String, String> firstFileOfDomain = new HashMap<>();
        for (AccessExportFolder.ExportFile file : AccessExportFolder.scan(Path.of(job.parameters().getString("file")))) {
            String sha = Files.isRegularFile(file.path()) ? FileDigest.of(file.path()) : "";
            long id = files.register(jobInstance, run, KIND, file.path(), file.name(), file.kbo(), file.domain(), sha);
            if (file.problem() != null) {
                files.reject(id, file.problem().english(), file.problem());
                continue;
            }
            String first = firstFileOfDomain.putIfAbsent(file.kbo() + "/" + file.domain().toLowerCase(Locale.ROOT), file.name());
            if (first != null) {
                Reason second = Reason.of("access.second_file", file.domain(), first);
                files.reject(id, second.english(), second);
                continue;
            }
            ensureOrganisation(file.kbo(), names, run);
            prepare(id, file, sha, run);
        }
    }

    private void prepare(long id, AccessExportFolder.ExportFile file, String sha, long run) {
        Optional<long[]> current = jdbc.sql("""
                        select id, accepted_rows, rejected_rows from access_snapshot
                        where kbo = :kbo and domain = :domain and status = 'CURRENT' and content_sha256 = :sha""")
                .param("kbo", file.kbo()).param("domain", file.domain()).param("sha", sha)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional();
        if (current.isPresent()) {
            jdbc.sql("""
                            update load_file set status = 'UNCHANGED', rows_accepted = :accepted, rows_rejected = :rejected
                            where id = :id and status = 'PENDING'""")
                    .param("accepted", current.get()[1]).param("rejected", current.get()[2]).param("id", id).update();
            return;
        }
        jdbc.sql("""
                        with created as (
                            insert into access_snapshot (kbo, domain, source_file, content_sha256, loaded_by_run)
                            select :kbo, :domain, :path, :sha, :run
                            where not exists (select 1 from load_file where id = :id and snapshot_id is not null)
                            returning id
                        )
                        update load_file set snapshot_id = (select id from created) where id = :id and snapshot_id is null""")
                .param("kbo", file.kbo()).param("domain", file.domain()).param("path", file.path().toString())
                .param("sha", sha).param("run", run).param("id", id).update();
    }

    /**
     * The organisation a file's snapshot belongs to, made when it is new. It is audited (or removed again, when every
     * file of it was refused) by the merge step, once it is known whether anything of it was loaded.
     */
    private void ensureOrganisation(String kbo, Map<String, String> names, long run) {
        jdbc.sql("insert into organisation (kbo, name, created_by_run) values (:kbo, :name, :run) on conflict (kbo) do nothing")
                .param("kbo", kbo).param("name", names.getOrDefault(kbo, "OCMW " + new Kbo(kbo).formatted()))
                .param("run", run).update();
    }

    /** Organisation names from the registry, when it is there and valid; otherwise the KBO stands in. */
    private Map<String, String> organisationNames() {
        Map<String, String> names = new HashMap<>();
        if (!registry.exists()) {
            return names;
        }
        registry.result().mergers().forEach(m -> {
            names.putIfAbsent(m.target().kbo().digits(), m.target().name());
            m.participants().forEach(p -> names.put(p.kbo().digits(), p.name()));
        });
        return names;
    }
}
