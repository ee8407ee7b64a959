package be.ocmw.merge.audit;

import java.util.List;

/**
 * Where a feature keeps copies of persons' data (INSZ, names, e-mail) beyond the live accounts and dossiers: replaced
 * snapshots, staged and rejected rows, stored plan changes, the audit's before/after copies. Each feature implements it
 * for its own tables; {@code audit purge-personal-data} asks every one for a merger applied long ago.
 */
public interface PersonalData {

    /** The copies of the scope's persons' data this feature holds, table by table: what a purge would pseudonymise. */
    List<Held> held(PurgeScope scope);

    /** Pseudonymises them (in the caller's transaction), keeping every row and count; returns what it changed. */
    List<Held> purge(PurgeScope scope);

    /** The rows of one table that hold such copies. */
    record Held(String table, String what, long rows) {
    }

    /**
     * One merger's share of a purge: its id, the KBO numbers of its old and merged OCMWs, the ids of its stored plans
     * (under which the parts keep their changes), and the purge's run (which the audit rows it pseudonymises name).
     */
    record PurgeScope(String mergerId, List<String> kbos, List<Long> plans, long run) {

        public PurgeScope {
            kbos = List.copyOf(kbos);
            plans = List.copyOf(plans);
        }

        public String[] kboArray() {
            return kbos.toArray(String[]::new);
        }

        public Long[] planArray() {
            return plans.toArray(Long[]::new);
        }
    }
}
