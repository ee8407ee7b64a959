package be.ocmw.merge.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The monitoring's own way in ({@code OCMW_MONITORING_TOKEN}): {@code Authorization: Bearer <token>} on
 * {@code /actuator/**} reads what an operator reads there, for a monitoring system where operators log in through the
 * OpenID Connect provider and have no password of the users file to give it. Anything else falls through to HTTP basic.
 */
final class MonitoringToken extends OncePerRequestFilter {

    private final byte[] token;

    MonitoringToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // compared in constant time: the answer's timing says nothing of how much of a guess was right
            if (MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "monitoring", null, List.of(new SimpleGrantedAuthority("ROLE_" + WebSecurityConfiguration.OPERATOR))));
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Wrong monitoring token");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
