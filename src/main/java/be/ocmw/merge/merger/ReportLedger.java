package be.ocmw.merge.merger;

import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code report} table: every set of reports written into a folder, recorded before its first file is in place,
 * with whether it shows full INSZ. The dashboard asks it before it hands a coordinator a report.
 */
@Component
public class ReportLedger {

    private final JdbcClient jdbc;

    ReportLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records reports about to be written into {@code folder}; committed before this returns. */
    public long started(Merger merger, RunMode mode, Path folder, Long planId, boolean fullInsz) {
        return started(merger, mode, folder, planId, fullInsz, null);
    }

    /** The same, with the options the reports are written with (their language, for the history). */
    public long started(Merger merger, RunMode mode, Path folder, Long planId, boolean fullInsz, ReportOptions options) {
        return started(merger, mode, folder, planId, fullInsz, options, null);
    }

    /** The same, with how many persons reports with full INSZ name (what a download of them discloses). */
    public long started(Merger merger, RunMode mode, Path folder, Long planId, boolean fullInsz, ReportOptions options,
                        Long persons) {
        return jdbc.sql("""
                        insert into report (merger_id, mode, folder, plan_id, full_insz, language, persons)
                        values (:merger, :mode, :folder, :plan, :full, :language, :persons) returning id""")
                .param("merger", merger.id()).param("mode", mode.name()).param("folder", key(folder))
                .param("plan", planId, java.sql.Types.BIGINT).param("full", fullInsz)
                .param("language", options == null ? null : options.language().getLanguage())
                .param("persons", persons, java.sql.Types.BIGINT)
                .query(Long.class).single();
    }

    /** How many persons the latest reports of {@code mode} with full INSZ in {@code folder} name (0: not known). */
    public long persons(Path folder, RunMode mode) {
        return jdbc.sql("""
                        select coalesce((select persons from report where folder = :folder and mode = :mode and full_insz
                                         order by id desc limit 1), 0)""")
                .param("folder", key(folder)).param("mode", mode.name()).query(Long.class).single();
    }

    /** A set of reports written into a run's own folder, as a merger's history lists it. */
    public record Written(long id, RunMode mode, Path folder, Long planId, boolean fullInsz, String language,
                          java.time.OffsetDateTime completedAt) {
    }

    /** One completed set of reports of the merger, by its id. */
    public java.util.Optional<Written> written(Merger merger, long id) {
        return jdbc.sql("""
                        select id, mode, folder, plan_id, full_insz, language, completed_at from report
                        where merger_id = :merger and id = :id and completed_at is not null""")
                .param("merger", merger.id()).param("id", id)
                .query((rs, n) -> new Written(rs.getLong("id"), RunMode.valueOf(rs.getString("mode")), Path.of(rs.getString("folder")),
                        (Long) rs.getObject("plan_id"), rs.getBoolean("full_insz"), rs.getString("language"),
                        rs.getObject("completed_at", java.time.OffsetDateTime.class)))
                .optional();
    }

    /** Every file of the reports is in place. */
    public void completed(long report) {
        jdbc.sql("update report set completed_at = now() where id = :id").param("id", report).update();
    }

    /**
     * Whether the reports of {@code mode} in {@code folder} may show full INSZ: a report with full INSZ was started
     * there after the last masked one that was completed (until a masked one has replaced every file, some may be the
     * full ones). A {@code <mode>.full-insz} file, the mark of versions before this ledger, counts as well.
     */
    public boolean showsFullInsz(Path folder, RunMode mode) {
        if (Files.exists(legacyMark(folder, mode))) {
            return true;
        }
        return jdbc.sql("""
                        select exists (
                            select 1 from report r
                            where r.folder = :folder and r.mode = :mode and r.full_insz
                              and r.id > coalesce((select max(m.id) from report m
                                                   where m.folder = :folder and m.mode = :mode and not m.full_insz
                                                     and m.completed_at is not null), 0))""")
                .param("folder", key(folder)).param("mode", mode.name()).query(Boolean.class).single();
    }

    /** The mark older versions wrote beside reports with full INSZ; a masked report that replaced them removes it. */
    public static Path legacyMark(Path folder, RunMode mode) {
        return folder.resolve(mode.file() + ".full-insz");
    }

    private static String key(Path folder) {
        try {
            return Files.exists(folder) ? folder.toRealPath().toString() : folder.toAbsolutePath().normalize().toString();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize().toString();
        }
    }
}
