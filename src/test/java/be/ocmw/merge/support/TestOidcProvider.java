package be.ocmw.merge.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

/**
 * A real OpenID Connect provider in the test JVM (Spring Authorization Server on a free port, at 127.0.0.1 so that its
 * session cookie and the dashboard's, on localhost, stay apart): what the organisation's provider is to the dashboard.
 * Its users, password {@link #PASSWORD}, carry their roles in the ID token's {@code roles} claim: {@code cora} a
 * coordinator, {@code otto} an operator, {@code carla} both, {@code nora} neither. The dashboard is registered as the
 * confidential client {@link #CLIENT_ID} with the redirect URI of the port it will serve on.
 */
public final class TestOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "ocmw-merge-dashboard";
    public static final String CLIENT_SECRET = "test-secret-of-the-dashboard";
    public static final String PASSWORD = "password";

    private static String dashboard;

    private final ConfigurableApplicationContext context;

    private TestOidcProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the provider for a dashboard that will serve at {@code dashboardBase} (e.g. http://localhost:8123). */
    public static synchronized TestOidcProvider start(String dashboardBase) {
        dashboard = dashboardBase;
        return new TestOidcProvider(new SpringApplicationBuilder(Provider.class)
                // not the application's own settings (application.properties): this is another server
                .properties("spring.config.name=test-oidc-provider", "spring.main.web-application-type=servlet",
                        "server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run());
    }

    /** A port nobody listens on now: the dashboard's, which the provider must know before the dashboard starts. */
    public static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** The jar's serve registered with this provider as the dashboard (issuer, client id and secret, the button's label). */
    public OcmwMergeJar registered(OcmwMergeJar jar) {
        return jar.env("OCMW_OIDC_ISSUER", issuer()).env("OCMW_OIDC_CLIENT_ID", CLIENT_ID)
                .env("OCMW_OIDC_CLIENT_SECRET", CLIENT_SECRET).env("OCMW_OIDC_LABEL", "Vlaanderen (test)");
    }

    /** The issuer, as the dashboard is given it (OCMW_OIDC_ISSUER). */
    public String issuer() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    // no @Configuration: the application's tests scan this package, and this is another server's; it is given to its
    // own SpringApplication by name, and its @Bean methods work as they are
    @EnableWebSecurity
    @ImportAutoConfiguration({
            org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
            org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class})
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, as -> as.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("cora").password("{noop}" + PASSWORD).authorities("COORDINATOR").build(),
                    User.withUsername("otto").password("{noop}" + PASSWORD).authorities("OPERATOR").build(),
                    User.withUsername("carla").password("{noop}" + PASSWORD).authorities("COORDINATOR", "OPERATOR").build(),
                    User.withUsername("nora").password("{noop}" + PASSWORD).authorities("AUDITOR").build());
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(dashboard + "/login/oauth2/code/oidc")
                    .postLogoutRedirectUri(dashboard + "/login?logout")
                    .scope("openid").scope("profile")
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        /** The role claim and the name the dashboard records, in the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> roles() {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("roles", context.getPrincipal().getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority).toList());
                    context.getClaims().claim("preferred_username", context.getPrincipal().getName());
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return NimbusJwtDecoder.withJwkSource(keys).build();
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
