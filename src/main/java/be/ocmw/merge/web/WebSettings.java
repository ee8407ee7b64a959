package be.ocmw.merge.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's settings: who may log in (the users file: name, bcrypt hash, COORDINATOR or OPERATOR; and/or the
 * organisation's OpenID Connect provider), where the reports are written and read, where uploads are kept and how large
 * one may be, whether this is the demo, and the token a monitoring system may use instead of an operator's password.
 */
@ConfigurationProperties("ocmw.web")
public record WebSettings(Map<String, User> users, Path reports, Path uploads, DataSize maxUpload, boolean demo, Oidc oidc,
                          String monitoringToken) {

    public WebSettings {
        users = users == null ? Map.of() : Map.copyOf(users);
        maxUpload = maxUpload == null ? DataSize.ofMegabytes(10) : maxUpload;
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null, null, null) : oidc;
        monitoringToken = monitoringToken == null || monitoringToken.isBlank() ? null : monitoringToken.strip();
    }

    /** A dashboard user: {@code password} is a bcrypt hash ({@code {bcrypt}$2a$…}), never the password itself. */
    public record User(String password, String role) {
    }

    /**
     * Login through the organisation's OpenID Connect provider (SPEC 10), on when {@code issuer} is set: the dashboard is a
     * confidential client ({@code clientId}, {@code clientSecret}) using the authorization code flow; the claim
     * {@code roleClaim} (a dotted path into the claims, e.g. {@code realm_access.roles}) carries the role, and any of
     * {@code coordinator} or {@code operator} among its values gives that role. A user with neither is refused.
     * {@code usernameClaim} is the name the engine records for them; {@code label} what the login button says.
     */
    public record Oidc(String issuer, String clientId, String clientSecret, List<String> scopes, String roleClaim,
                       List<String> coordinator, List<String> operator, String usernameClaim, String label) {

        public Oidc {
            issuer = blankToNull(issuer);
            clientId = blankToNull(clientId);
            clientSecret = blankToNull(clientSecret);
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
            roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim.strip();
            coordinator = values(coordinator, "COORDINATOR");
            operator = values(operator, "OPERATOR");
            usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim.strip();
            label = label == null || label.isBlank() ? "OpenID Connect" : label.strip();
            if (issuer != null) {
                URI uri = URI.create(issuer);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("OCMW_OIDC_ISSUER (ocmw.web.oidc.issuer) is not an address: " + issuer);
                }
                if (clientId == null || clientSecret == null) {
                    throw new IllegalArgumentException("OCMW_OIDC_ISSUER is set, so OCMW_OIDC_CLIENT_ID and "
                            + "OCMW_OIDC_CLIENT_SECRET are needed too: the dashboard's registration with the provider");
                }
            }
        }

        public boolean enabled() {
            return issuer != null;
        }

        /** The provider's origin (scheme, host, port): where the browser goes to log in and out. */
        public String origin() {
            URI uri = URI.create(issuer);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        }

        private static List<String> values(List<String> values, String otherwise) {
            List<String> kept = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                    .map(String::strip).toList();
            return kept.isEmpty() ? List.of(otherwise) : kept;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
