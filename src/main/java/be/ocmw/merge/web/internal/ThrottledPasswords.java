package be.ocmw.merge.web.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Where a password is checked, the {@link LoginThrottle} is asked first and told after: whichever way the credentials
 * came in (the login form under whatever spelling of its path, the monitoring's HTTP basic), a locked name or address
 * is refused before its password is looked at, and a wrong password counts. Throttling by request path instead lets a
 * guesser walk around it with {@code /%6cogin}, which the container decodes to the form's path.
 */
final class ThrottledPasswords implements AuthenticationProvider {

    /** A login refused because its name or address is locked: not a wrong password, and not counted as one. */
    static final class LoginLockedException extends LockedException {
        LoginLockedException() {
            super("Too many failed logins: wait five minutes");
        }
    }

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledPasswords(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (throttle.locked(name, address)) {
            throw new LoginLockedException();
        }
        try {
            Authentication authenticated = passwords.authenticate(authentication);
            throttle.succeeded(name);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(name, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
