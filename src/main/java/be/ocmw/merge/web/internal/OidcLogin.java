package be.ocmw.merge.web.internal;

import be.ocmw.merge.web.WebSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Login through the organisation's OpenID Connect provider (SPEC 10): the dashboard's registration with it, and who gets
 * which role. The role comes from one claim of the ID token or the user info ({@code OCMW_OIDC_ROLE_CLAIM}); its values
 * that mean COORDINATOR and OPERATOR are the provider's own ({@code OCMW_OIDC_COORDINATOR}, {@code OCMW_OIDC_OPERATOR}).
 * A user whose claim has neither is refused: logged in at the provider, but nobody on the dashboard.
 */
final class OidcLogin {

    /** The registration's id: the callback is {@code /login/oauth2/code/oidc}, the login link {@code /oauth2/authorization/oidc}. */
    static final String REGISTRATION = "oidc";
    /** The error a user without a role is refused with (the login page says so, with the name the provider gave). */
    static final String NO_ROLE = "ocmw_no_role";

    private OidcLogin() {
    }

    /** The dashboard as the provider knows it, from the provider's discovery document (read once, at start-up). */
    static ClientRegistration registration(WebSettings.Oidc oidc) {
        try {
            return ClientRegistrations.fromIssuerLocation(oidc.issuer()).registrationId(REGISTRATION)
                    .clientId(oidc.clientId()).clientSecret(oidc.clientSecret()).scope(oidc.scopes())
                    .userNameAttributeName(oidc.usernameClaim()).clientName(oidc.label()).build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The OpenID Connect provider " + oidc.issuer() + " (OCMW_OIDC_ISSUER) could not "
                    + "be read (" + e.getMessage() + "): serve does not start without it. Check the address and that the "
                    + "provider is up, or leave OCMW_OIDC_ISSUER empty to log in with the users file only.", e);
        }
    }

    /** Loads the user as Spring Security does, then gives the roles the claim says, or refuses a user without one. */
    static OAuth2UserService<OidcUserRequest, OidcUser> users(WebSettings.Oidc oidc) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Set<GrantedAuthority> roles = roles(oidc, user.getClaims());
            String name = String.valueOf(user.getClaims().getOrDefault(oidc.usernameClaim(), user.getSubject()));
            if (roles.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE, name, null));
            }
            String nameClaim = user.getClaims().containsKey(oidc.usernameClaim()) ? oidc.usernameClaim() : "sub";
            return new DefaultOidcUser(roles, user.getIdToken(), user.getUserInfo(), nameClaim);
        };
    }

    /** The dashboard's roles the role claim's values give (none, one or both). */
    static Set<GrantedAuthority> roles(WebSettings.Oidc oidc, Map<String, Object> claims) {
        Collection<String> values = values(claim(claims, oidc.roleClaim()));
        Set<GrantedAuthority> roles = new LinkedHashSet<>();
        if (values.stream().anyMatch(oidc.coordinator()::contains)) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + WebSecurityConfiguration.COORDINATOR));
        }
        if (values.stream().anyMatch(oidc.operator()::contains)) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + WebSecurityConfiguration.OPERATOR));
        }
        return roles;
    }

    /** The claim at a dotted path ({@code realm_access.roles}): providers nest their roles. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    /** A claim's values: a list, or one text of values separated by spaces or commas. */
    private static Collection<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(v -> values.add(String.valueOf(v).strip()));
        } else if (claim != null) {
            for (String v : String.valueOf(claim).split("[\\s,]+")) {
                if (!v.isBlank()) {
                    values.add(v);
                }
            }
        }
        return values;
    }
}
