package be.ocmw.merge.web.internal;

import be.ocmw.merge.web.WebSettings;
import be.ocmw.merge.web.WebUsersMissingException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may do what on the dashboard: a COORDINATOR reads, downloads and approves, an OPERATOR also acts. Users log in
 * through the form (the users file, bcrypt hashes only) and/or through the organisation's OpenID Connect provider
 * (SPEC 10: {@code OCMW_OIDC_ISSUER}, its role claim giving the role). There is no default user: without users and
 * without a provider the dashboard does not start (the demo profile brings its own, and says so on every page).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

    /** The session attribute that holds the name of a user the provider logged in and the dashboard gives no role. */
    static final String NO_ROLE_NAME = "ocmw.oidc.norole";

    static final String COORDINATOR = "COORDINATOR";
    static final String OPERATOR = "OPERATOR";
    private static final Set<String> ROLES = Set.of(COORDINATOR, OPERATOR);
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    /**
     * The pages need no inline script or style. Forms post only to the dashboard, and no other site may frame it. (The
     * HTML reports, which open in the browser, bring their own stricter policy: a sandbox allowing their inline style.)
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The policy with the OpenID Connect provider among the places a form may lead: logging out posts to the dashboard,
     * which sends the browser on to the provider to end the session there too (browsers hold a form's redirects to it).
     */
    static String contentSecurityPolicy(WebSettings.Oidc oidc) {
        return oidc.enabled() ? CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + oidc.origin())
                : CONTENT_SECURITY_POLICY;
    }

    /** The dashboard's registration with the OpenID Connect provider, when there is one (OCMW_OIDC_ISSUER). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("'${ocmw.web.oidc.issuer:}'.trim() != ''")
    org.springframework.security.oauth2.client.registration.ClientRegistrationRepository oidcRegistrations(WebSettings settings) {
        return new org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository(
                OidcLogin.registration(settings.oidc()));
    }

    /** Fields with control characters refused before anything else reads them (see {@link TypedFieldsFilter}). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<TypedFieldsFilter> typedFieldsFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new TypedFieldsFilter());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    LoginThrottle loginThrottle() {
        return new LoginThrottle(java.time.Clock.systemUTC());
    }

    /**
     * The operators' monitoring, beside the dashboard on its port: {@code /actuator/health} gives anyone the status (UP,
     * DEGRADED, DOWN) and an operator its details; every other endpoint (Prometheus) is for operators. HTTP basic with
     * the dashboard password (counted by the login throttle like the form), no session, nothing to post.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain monitoringSecurity(HttpSecurity http, WebSettings settings) throws Exception {
        if (settings.monitoringToken() != null) {
            // a monitoring system that has no operator's password (the operators log in through OIDC): a token of its own
            http.addFilterBefore(new MonitoringToken(settings.monitoringToken()),
                    org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
        }
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        // an orchestrator's probes carry no login: they read whether it is up, nothing more
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(basic -> basic.realmName("ocmw-merge monitoring").authenticationEntryPoint(monitoringEntryPoint()))
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, WebSettings settings,
            org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> oidc)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // the error page a request of the dashboard ends on; asked for directly, /error is a page like any
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/css/**").permitAll()
                        // four eyes: coordinators approve, operators apply; neither does the other's part
                        .requestMatchers(HttpMethod.POST, "/mergers/*/approve", "/mergers/*/withdraw").hasRole(COORDINATOR)
                        // the checklist is ticked by whoever did the task
                        .requestMatchers(HttpMethod.POST, "/mergers/*/tasks/*").hasAnyRole(COORDINATOR, OPERATOR)
                        // the search box posts, so that an INSZ typed in it never stands in an address or a log of them
                        .requestMatchers(HttpMethod.POST, "/mergers/*/explain").hasAnyRole(COORDINATOR, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/**").hasRole(OPERATOR)
                        .requestMatchers("/intake", "/mergers/*/apply", "/activities/*/files/**", "/audit").hasRole(OPERATOR)
                        .anyRequest().hasAnyRole(COORDINATOR, OPERATOR))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) ->
                                response.sendRedirect(request.getContextPath() + "/"))
                        .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                                + (exception instanceof ThrottledPasswords.LoginLockedException ? "/login?locked" : "/login?error")))
                        .permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(settings.oidc())))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        var registrations = oidc.getIfAvailable();
        if (registrations != null) {
            var logoutAtProvider = new org.springframework.security.oauth2.client.oidc.web.logout
                    .OidcClientInitiatedLogoutSuccessHandler(registrations);
            // the provider's session ends too, and it sends the browser back here; a user of the users file just comes back
            logoutAtProvider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            logoutAtProvider.setDefaultTargetUrl("/login?logout");
            http.oauth2Login(login -> login.loginPage("/login")
                            .userInfoEndpoint(info -> info.oidcUserService(OidcLogin.users(settings.oidc())))
                            .successHandler((request, response, authentication) ->
                                    response.sendRedirect(request.getContextPath() + "/"))
                            .failureHandler((request, response, exception) -> {
                                if (exception instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException refused
                                        && OidcLogin.NO_ROLE.equals(refused.getError().getErrorCode())) {
                                    // logged in at the provider as somebody the dashboard gives no role: the page says who
                                    request.getSession().setAttribute(NO_ROLE_NAME, refused.getError().getDescription());
                                    response.sendRedirect(request.getContextPath() + "/login?norole");
                                } else {
                                    response.sendRedirect(request.getContextPath() + "/login?oidcerror");
                                }
                            }))
                    .logout(logout -> logout.logoutSuccessHandler(logoutAtProvider));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The dashboard's one way to check a password, for the form and the monitoring's HTTP basic alike: the configured
     * users behind the login throttle ({@link ThrottledPasswords}). The only authentication provider in the context, so
     * that Spring Security uses it and no other.
     */
    @Bean
    AuthenticationProvider dashboardPasswords(WebSettings settings, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users(settings)));
        passwords.setPasswordEncoder(encoder);
        return new ThrottledPasswords(passwords, throttle);
    }

    /** HTTP basic refused: 429 while the name or address is locked, else the usual 401 with its challenge. */
    private static AuthenticationEntryPoint monitoringEntryPoint() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("ocmw-merge monitoring");
        return (request, response, exception) -> {
            if (exception instanceof ThrottledPasswords.LoginLockedException) {
                response.sendError(429, "Too many failed logins: wait five minutes");
            } else {
                basic.commence(request, response, exception);
            }
        };
    }

    /** The configured users; refuses none, a role that does not exist, and anything but a bcrypt hash. */
    static List<UserDetails> users(WebSettings settings) {
        if (settings.users().isEmpty() && !settings.oidc().enabled()) {
            throw new WebUsersMissingException("serve needs dashboard users, and none are configured. Log them in "
                    + "through the organisation's OpenID Connect provider (OCMW_OIDC_ISSUER, OCMW_OIDC_CLIENT_ID, "
                    + "OCMW_OIDC_CLIENT_SECRET: docs/operations.md), or give each user a "
                    + "bcrypt hash (ocmw-merge hash-password) and a role in a file, e.g. users.properties:\n"
                    + "  ocmw.web.users.an.password={bcrypt}$2a$10$...\n  ocmw.web.users.an.role=COORDINATOR\n"
                    + "and start serve --users users.properties. To try the dashboard out: serve --demo (demo users, "
                    + "never for real data).");
        }
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, WebSettings.User> entry : settings.users().entrySet()) {
            WebSettings.User user = entry.getValue();
            String role = user.role() == null ? "" : user.role().strip().toUpperCase(java.util.Locale.ROOT);
            if (!ROLES.contains(role)) {
                throw new WebUsersMissingException("dashboard user '" + entry.getKey() + "' has role '" + user.role()
                        + "': the roles are COORDINATOR (reads) and OPERATOR (also acts).");
            }
            if (user.password() == null || !BCRYPT.matcher(user.password().strip()).matches()) {
                throw new WebUsersMissingException("dashboard user '" + entry.getKey() + "' has no bcrypt hash as password: "
                        + "give {bcrypt}$2a$… as ocmw-merge hash-password prints it, never the password itself.");
            }
            users.add(User.withUsername(entry.getKey()).password(user.password().strip()).roles(role).build());
        }
        return users;
    }
}
