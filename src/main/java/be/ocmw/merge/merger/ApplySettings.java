package be.ocmw.merge.merger;

import be.ocmw.merge.domain.Actor;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ocmw.apply.*}: how many planned changes an apply commits at a time ({@code chunkSize}: a killed apply
 * resumes after the last committed chunk) and how many threads apply account changes and dossiers side by side
 * ({@code threads}, each on its own connection). {@code allowSelfApproval}: whether the person who approved a plan
 * may apply it, for a test environment only (never by default: four eyes); the apply's reports then say so.
 * {@code fourEyes}: how four eyes tells the approver and the person applying apart ({@code OCMW_FOUR_EYES}: by their
 * accounts, the default, or by their {@code --by} names only, for the sample run and tests on one machine).
 */
@ConfigurationProperties("ocmw.apply")
public record ApplySettings(int chunkSize, int threads, boolean allowSelfApproval, Actor.FourEyes fourEyes) {

    public ApplySettings {
        fourEyes = fourEyes == null ? Actor.FourEyes.ACCOUNTS : fourEyes;
        if (chunkSize < 1) {
            throw new IllegalArgumentException("ocmw.apply.chunk-size (OCMW_APPLY_CHUNK) must be at least 1, not " + chunkSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("ocmw.apply.threads (OCMW_APPLY_THREADS) must be at least 1, not " + threads);
        }
    }
}
