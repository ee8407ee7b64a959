package be.ocmw.merge.merger.model;

import java.util.Locale;

/**
 * What a plan was computed for: a dry run, an apply, or a reconciliation's safe corrections. Stored as its name;
 * {@link #file()} is the spelling of its report files and of summary.json ({@code plan.xlsx}, {@code "mode": "apply"}).
 */
public enum RunMode {
    PLAN, APPLY, RECONCILE;

    public String file() {
        return name().toLowerCase(Locale.ROOT);
    }
}
