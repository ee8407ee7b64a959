package be.ocmw.merge.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** The consultation log: written once per consultation (in its own hash chain), read by operators. */
@Component
public class Consultations {

    /** Days are Belgian days: a consultation at 00:30 in Brussels is on that day, whatever the server's zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private final JdbcClient jdbc;

    Consultations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the consultation; committed when this returns (or with the caller's transaction). */
    public long record(Consultation consultation) {
        return jdbc.sql("""
                        insert into consultation (actor, account, channel, what, merger_id, file, persons, reason, run_id)
                        values (:actor, :account, :channel, :what, :merger, :file, :persons, :reason, :run) returning id""")
                .param("actor", consultation.actor())
                .param("account", consultation.who().accountKey()).param("channel", consultation.channel().name())
                .param("what", consultation.what()).param("merger", consultation.mergerId())
                .param("file", consultation.file()).param("persons", consultation.persons())
                .param("reason", consultation.reason()).param("run", consultation.run(), java.sql.Types.BIGINT)
                .query(Long.class).single();
    }

    /** The consultations from {@code from} to {@code to} (Belgian days, both included; null: no bound), oldest first. */
    public List<Consultation> between(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select id, at, actor, account, channel, what, merger_id, file, persons, reason, run_id from consultation
                        where (cast(:from as timestamptz) is null or at >= cast(:from as timestamptz))
                          and (cast(:to as timestamptz) is null or at < cast(:to as timestamptz))
                        order by id""")
                .param("from", from == null ? null : from.atStartOfDay(ZONE).toOffsetDateTime(), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("to", to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime(), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .query((rs, n) -> new Consultation(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), be.ocmw.merge.domain.Account.ofKey(rs.getString("account")), Consultation.Channel.valueOf(rs.getString("channel")), rs.getString("what"),
                        rs.getString("merger_id"), rs.getString("file"), rs.getLong("persons"), rs.getString("reason"),
                        (Long) rs.getObject("run_id")))
                .list();
    }
}
