package be.ocmw.merge.web.internal;

import be.ocmw.merge.web.WebSettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcLoginTests {

    private static WebSettings.Oidc oidc(String claim, List<String> coordinator, List<String> operator) {
        return new WebSettings.Oidc("https://idp.example/realms/ocmw", "dashboard", "secret", null, claim, coordinator,
                operator, null, null);
    }

    private static List<String> roles(WebSettings.Oidc oidc, Map<String, Object> claims) {
        return OidcLogin.roles(oidc, claims).stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void theProvidersOwnValuesInANestedClaimGiveTheRolesAndOtherValuesGiveNone() {
        WebSettings.Oidc keycloak = oidc("realm_access.roles", List.of("ocmw-coordinator"), List.of("ocmw-operator"));

        assertThat(roles(keycloak, Map.of("realm_access", Map.of("roles", List.of("offline_access", "ocmw-coordinator")))))
                .containsExactly("ROLE_COORDINATOR");
        assertThat(roles(keycloak, Map.of("realm_access", Map.of("roles", List.of("ocmw-coordinator", "ocmw-operator")))))
                .containsExactly("ROLE_COORDINATOR", "ROLE_OPERATOR");
        assertThat(roles(keycloak, Map.of("realm_access", Map.of("roles", List.of("COORDINATOR"))))).isEmpty();
        assertThat(roles(keycloak, Map.of("roles", List.of("ocmw-operator")))).as("another claim").isEmpty();
    }

    @Test
    void aClaimThatIsOneTextOfValuesIsReadValueByValue() {
        WebSettings.Oidc defaults = oidc(null, null, null);

        assertThat(roles(defaults, Map.of("roles", "OPERATOR, auditor"))).containsExactly("ROLE_OPERATOR");
        assertThat(roles(defaults, Map.of("roles", "OPERATORS"))).isEmpty();
    }

    @Test
    void anIssuerWithoutTheClientsRegistrationStopsTheStartSayingWhatIsMissing() {
        assertThatThrownBy(() -> new WebSettings.Oidc("https://idp.example", null, null, null, null, null, null, null, null))
                .hasMessageContaining("OCMW_OIDC_CLIENT_ID and OCMW_OIDC_CLIENT_SECRET");
        assertThat(new WebSettings.Oidc(" ", null, null, null, null, null, null, null, null).enabled()).isFalse();
    }

    @Test
    void theLogoutFormMayLeadToTheProviderAndNowhereElse() {
        String policy = WebSecurityConfiguration.contentSecurityPolicy(oidc(null, null, null));

        assertThat(policy).contains("form-action 'self' https://idp.example;").contains("default-src 'self'");
        assertThat(WebSecurityConfiguration.contentSecurityPolicy(new WebSettings.Oidc(null, null, null, null, null, null,
                null, null, null))).contains("form-action 'self';");
    }
}
