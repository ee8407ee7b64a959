package be.ocmw.merge;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features of {@code be.ocmw.merge} as Spring Modulith sees them: every top-level package is a module whose
 * public types are its API and whose sub-packages ({@code internal}) are its own. The test fails when a class of one
 * feature uses another feature's internal type, or when two features depend on each other (directly or around).
 */
class ModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(OcmwMergeApplication.class);

    @Test
    void featuresUseEachOthersPublicTypesOnlyAndDependOnEachOtherWithoutCycles() {
        MODULES.verify();
    }
}
