package be.ocmw.merge.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The monitoring's HTTP basic counts against the same {@link LoginThrottle} as the login form: a refused password is
 * a failed login, and a locked name or address is refused (429) before its password is looked at, so that the
 * endpoints are no way around the form's limit on guessing.
 */
final class BasicThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    BasicThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = username(request.getHeader("Authorization"));
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        if (throttle.locked(username, request.getRemoteAddr())) {
            response.sendError(429, "Too many failed logins: wait five minutes");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(username, request.getRemoteAddr());
        } else if (response.getStatus() < 400) {
            throttle.succeeded(username);
        }
    }

    /** The name of a basic {@code Authorization} header; null without one (or when it is not basic). */
    static String username(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? credentials : credentials.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
