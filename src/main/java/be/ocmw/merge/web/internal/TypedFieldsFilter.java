package be.ocmw.merge.web.internal;

import be.ocmw.merge.domain.FreeText;
import be.ocmw.merge.domain.Reason;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Every field a page takes, refused at the door when it holds a control character (a NUL byte, ESC, a line break in a
 * search): such a value can neither be stored nor shown, and would otherwise fail deep down as a server error. The
 * reader gets the error page with a plain sentence saying which field and what to do (400). The password is not looked
 * at: it is never stored nor shown.
 */
final class TypedFieldsFilter extends OncePerRequestFilter {

    /** The request attribute that tells the error page why a request was refused (a {@link Reason}). */
    static final String REFUSED = TypedFieldsFilter.class.getName() + ".refused";

    /** Fields that may hold a line break: none today; a text area would be listed here. */
    private static final java.util.Set<String> UNCHECKED = java.util.Set.of("password");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Reason> refused = problem(request.getParameterMap());
        if (refused.isPresent()) {
            request.setAttribute(REFUSED, refused.get());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    static Optional<Reason> problem(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (UNCHECKED.contains(parameter.getKey())) {
                continue;
            }
            Optional<Reason> name = FreeText.controlProblemInField(parameter.getKey());
            if (name.isPresent()) {
                return name;
            }
            for (String value : parameter.getValue()) {
                Optional<Reason> problem = FreeText.controlProblemInField(value);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }
}
