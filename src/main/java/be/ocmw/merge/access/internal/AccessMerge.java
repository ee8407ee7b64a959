package be.ocmw.merge.access.internal;

import be.ocmw.merge.batch.LoadFile;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.StagedRows;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.registry.RegistryResult;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns each staged file into the organisation-domain's new snapshot, in one transaction. The same content
 * as the current snapshot changes nothing. Otherwise the accounts the organisation-domain had are kept
 * with the snapshot they belonged to, each difference (account added, changed or gone) becomes an audit
 * row with before and after, and the live accounts and grants are replaced by the file's.
 */
public class AccessMerge implements Tasklet {

    static final String STAGING = "staged_account";

    private final JdbcClient jdbc;
    private final StagedRows staged;
    private final LoadFiles files;

    public AccessMerge(JdbcClient jdbc, StagedRows staged, LoadFiles files) {
        this.jdbc = jdbc;
        this.staged = staged;
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long jobInstance = job.getJobInstance().getInstanceId();
        long run = job.getJobParameters().getLong("run");
        Map<String, String> names = organisationNames(job.getJobParameters().getString("registry"));

        staged.dropRefusedFiles(jobInstance, STAGING);
        staged.refuseDuplicates(jobInstance, run, STAGING, "s.load_file_id, s.username", "Gebruikersnaam",
                "'username ' || username || ' is already used on row ' || first_row || ': a username is unique per domain'",
                "file_kbo", "");
        staged.countRows(jobInstance, STAGING);

        Map<String, String> firstFileOfDomain = new HashMap<>();
        for (LoadFile file : files.pending(jobInstance, AccessFilesTasklet.KIND)) {
            String key = file.kbo() + "/" + file.domain().toLowerCase(Locale.ROOT);
            String first = firstFileOfDomain.putIfAbsent(key, file.name());
            if (first != null) {
                files.reject(file.id(), "a second file for domain " + file.domain() + " of this organisation; only "
                        + first + " is loaded");
                continue;
            }
            ensureOrganisation(file.kbo(), names, run);
            load(file, run);
        }
        staged.dropRefusedFiles(jobInstance, STAGING);
        jdbc.sql("""
                        insert into audit (run_id, table_name, row_key, action, after)
                        select :run, 'access_snapshot', kbo || '/' || domain, 'INSERT',
                               jsonb_build_object('file', path, 'sha256', content_sha256, 'accounts', rows_accepted,
                                                  'added', rows_inserted, 'changed', rows_updated, 'removed', rows_removed)
                        from load_file where job_instance_id = :ji and status = 'PENDING'
                        """)
                .param("run", run).param("ji", jobInstance).update();
        staged.finish(jobInstance, STAGING);
        return RepeatStatus.FINISHED;
    }

    private void load(LoadFile file, long run) {
        Optional<Snapshot> current = jdbc.sql("""
                        select id, content_sha256 from access_snapshot
                        where kbo = :kbo and domain = :domain and replaced_by is null""")
                .param("kbo", file.kbo()).param("domain", file.domain())
                .query((rs, n) -> new Snapshot(rs.getLong("id"), rs.getString("content_sha256"))).optional();
        if (current.isPresent() && current.get().sha256().equals(file.sha256())) {
            jdbc.sql("update load_file set status = 'UNCHANGED' where id = :id").param("id", file.id()).update();
            return;
        }
        long snapshot = jdbc.sql("select nextval('access_snapshot_id_seq')").query(Long.class).single();
        long live = jdbc.sql("select count(*) from account where kbo = :kbo and domain = :domain")
                .param("kbo", file.kbo()).param("domain", file.domain()).query(Long.class).single();
        Optional<Long> previous = current.map(Snapshot::id);
        if (live > 0) {
            long archivedUnder = previous.orElseGet(() -> archiveSnapshotFor(file, run));
            archive(file, archivedUnder);
            auditDifferences(file, run);
            previous = Optional.of(archivedUnder);
        } else {
            jdbc.sql("update load_file set rows_inserted = rows_accepted where id = :id").param("id", file.id()).update();
        }
        // the constraint on replaced_by is deferred: the new snapshot is inserted right after
        previous.ifPresent(id -> jdbc.sql("update access_snapshot set replaced_by = :snapshot where id = :id")
                .param("snapshot", snapshot).param("id", id).update());
        jdbc.sql("""
                        insert into access_snapshot (id, kbo, domain, source_file, content_sha256, accepted_rows, rejected_rows, loaded_by_run)
                        select :snapshot, kbo, domain, path, content_sha256, rows_accepted, rows_rejected, :run
                        from load_file where id = :file""")
                .param("snapshot", snapshot).param("run", run).param("file", file.id()).update();
        jdbc.sql("delete from account where kbo = :kbo and domain = :domain")
                .param("kbo", file.kbo()).param("domain", file.domain()).update();
        jdbc.sql("""
                        with inserted as (
                            insert into account (kbo, domain, username, last_name, first_name, role, insz, status, email,
                                                 language, snapshot_id)
                            select :kbo, :domain, username, last_name, first_name, role, insz, status, email, language, :snapshot
                            from staged_account where load_file_id = :file
                            returning id, username
                        )
                        insert into account_grant (account_id, application)
                        select i.id, unnest(s.applications)
                        from inserted i join staged_account s on s.load_file_id = :file and s.username = i.username
                        """)
                .param("kbo", file.kbo()).param("domain", file.domain()).param("snapshot", snapshot)
                .param("file", file.id()).update();
    }

    /** Live accounts without a snapshot (created by a merger before any load) get one to be archived under. */
    private long archiveSnapshotFor(LoadFile file, long run) {
        return jdbc.sql("""
                        insert into access_snapshot (kbo, domain, source_file, content_sha256, loaded_by_run, replaced_by)
                        values (:kbo, :domain, '(accounts before the first load)', '', :run, null)
                        returning id""")
                .param("kbo", file.kbo()).param("domain", file.domain()).param("run", run)
                .query(Long.class).single();
    }

    /** Keeps the accounts the organisation-domain had, with their applications, under the snapshot they end. */
    private void archive(LoadFile file, long snapshot) {
        jdbc.sql("""
                        insert into snapshot_account (snapshot_id, source_row, username, last_name, first_name, role, insz,
                                                      status, email, language, applications, created_by_run)
                        select :snapshot, null, a.username, a.last_name, a.first_name, a.role, a.insz, a.status, a.email,
                               a.language, coalesce(array_agg(g.application order by g.application)
                                                    filter (where g.application is not null), '{}'), a.created_by_run
                        from account a left join account_grant g on g.account_id = a.id
                        where a.kbo = :kbo and a.domain = :domain
                        group by a.id
                        on conflict do nothing""")
                .param("snapshot", snapshot).param("kbo", file.kbo()).param("domain", file.domain()).update();
    }

    /** One audit row per account added, changed or gone, and the file's counts of each. */
    private void auditDifferences(LoadFile file, long run) {
        jdbc.sql("""
                        with old as (
                            select a.username, jsonb_build_object('username', a.username, 'last_name', a.last_name,
                                       'first_name', a.first_name, 'role', a.role, 'insz', a.insz, 'status', a.status,
                                       'email', a.email, 'language', a.language,
                                       'applications', to_jsonb(coalesce(array_agg(g.application order by g.application)
                                                               filter (where g.application is not null), '{}'))) as row
                            from account a left join account_grant g on g.account_id = a.id
                            where a.kbo = :kbo and a.domain = :domain
                            group by a.id
                        ), new as (
                            select username, jsonb_build_object('username', username, 'last_name', last_name,
                                       'first_name', first_name, 'role', role, 'insz', insz, 'status', status,
                                       'email', email, 'language', language, 'applications', to_jsonb(applications)) as row
                            from staged_account where load_file_id = :file
                        ), diff as (
                            select coalesce(o.username, n.username) as username, o.row as before, n.row as after,
                                   case when o.row is null then 'INSERT' when n.row is null then 'DELETE' else 'UPDATE' end as action
                            from old o full join new n on o.username = n.username
                            where o.row is distinct from n.row
                        ), audited as (
                            insert into audit (run_id, table_name, row_key, action, before, after)
                            select :run, 'account', :kbo || '/' || :domain || '/' || username, action, before, after from diff
                        )
                        update load_file set
                            rows_inserted = (select count(*) from diff where action = 'INSERT'),
                            rows_updated = (select count(*) from diff where action = 'UPDATE'),
                            rows_removed = (select count(*) from diff where action = 'DELETE')
                        where id = :file
                        """)
                .param("kbo", file.kbo()).param("domain", file.domain()).param("file", file.id()).param("run", run)
                .update();
    }

    private void ensureOrganisation(String kbo, Map<String, String> names, long run) {
        int created = jdbc.sql("""
                        insert into organisation (kbo, name, created_by_run) values (:kbo, :name, :run)
                        on conflict (kbo) do nothing""")
                .param("kbo", kbo).param("name", names.getOrDefault(kbo, "OCMW " + new Kbo(kbo).formatted()))
                .param("run", run).update();
        if (created > 0) {
            jdbc.sql("""
                            insert into audit (run_id, table_name, row_key, action, after)
                            select :run, 'organisation', kbo, 'INSERT', jsonb_build_object('kbo', kbo, 'name', name)
                            from organisation where kbo = :kbo""")
                    .param("run", run).param("kbo", kbo).update();
        }
    }

    /** Organisation names from the registry, when it is there and valid; otherwise the KBO stands in. */
    private static Map<String, String> organisationNames(String registry) {
        Map<String, String> names = new HashMap<>();
        if (registry == null || !Files.isRegularFile(Path.of(registry))) {
            return names;
        }
        RegistryResult result = RegistryLoader.load(Path.of(registry));
        result.mergers().forEach(m -> {
            names.putIfAbsent(m.target().kbo().digits(), m.target().name());
            m.participants().forEach(p -> names.put(p.kbo().digits(), p.name()));
        });
        return names;
    }

    private record Snapshot(long id, String sha256) {
    }
}
