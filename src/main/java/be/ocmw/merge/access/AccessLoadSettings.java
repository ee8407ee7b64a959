package be.ocmw.merge.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ocmw.load.*}: a new export of a domain that would remove more than {@code maxShrinkPercent} % of the
 * accounts its current snapshot has (all of them included) is refused unless the operator says the accounts are
 * really gone ({@code load access --allow-shrink}). An export that drops that many is usually an incomplete one
 * (a header-only file, a filter left on), and taking it as the truth would empty that domain for every plan.
 */
@ConfigurationProperties("ocmw.load")
public record AccessLoadSettings(int maxShrinkPercent) {

    public AccessLoadSettings {
        if (maxShrinkPercent < 0 || maxShrinkPercent > 100) {
            throw new IllegalArgumentException("ocmw.load.max-shrink-percent must be between 0 and 100, not " + maxShrinkPercent);
        }
    }
}
