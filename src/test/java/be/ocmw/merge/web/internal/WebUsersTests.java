package be.ocmw.merge.web.internal;

import be.ocmw.merge.web.WebSettings;
import be.ocmw.merge.web.WebUsersMissingException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No dashboard nobody can log in to safely: no users, a plain password, an unknown role refuse the start. */
class WebUsersTests {

    static final String HASH = "{bcrypt}$2a$10$zl/IDEHnAE00XfVDVmiacOboIhWFZ5UzWq/bHHDdeu9bvEm6EZTRG";

    @Test
    void withoutUsersTheDashboardRefusesToStartAndSaysHowToConfigureThem() {
        assertThatThrownBy(() -> WebSecurityConfiguration.users(settings(Map.of())))
                .isInstanceOf(WebUsersMissingException.class)
                .hasMessageContaining("serve needs dashboard users").hasMessageContaining("--users")
                .hasMessageContaining("--demo");
    }

    @Test
    void aPlainPasswordOrAnUnknownRoleIsRefusedNamingTheUser() {
        assertThatThrownBy(() -> WebSecurityConfiguration.users(settings(Map.of("an", new WebSettings.User("secret-password", "OPERATOR")))))
                .isInstanceOf(WebUsersMissingException.class).hasMessageContaining("'an'").hasMessageContaining("bcrypt");
        assertThatThrownBy(() -> WebSecurityConfiguration.users(settings(Map.of("an", new WebSettings.User("{noop}secret", "OPERATOR")))))
                .isInstanceOf(WebUsersMissingException.class).hasMessageContaining("bcrypt");
        assertThatThrownBy(() -> WebSecurityConfiguration.users(settings(Map.of("bo", new WebSettings.User(HASH, "ADMIN")))))
                .isInstanceOf(WebUsersMissingException.class).hasMessageContaining("'bo'").hasMessageContaining("ADMIN");
    }

    @Test
    void configuredUsersGetTheirRole() {
        var users = WebSecurityConfiguration.users(settings(Map.of("an", new WebSettings.User(HASH, "coordinator"))));
        assertThat(users).singleElement().satisfies(u -> {
            assertThat(u.getUsername()).isEqualTo("an");
            assertThat(u.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COORDINATOR");
        });
    }

    private static WebSettings settings(Map<String, WebSettings.User> users) {
        return new WebSettings(users, Path.of("out"), Path.of("uploads"), null, false, null, null);
    }
}
