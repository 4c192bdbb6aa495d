package org.redress.identity;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email and password, as checked for the console form and HTTP Basic, behind the
 * {@link SignInThrottle}: an account or address that must wait is refused before its
 * password is looked at, and every wrong password counts.
 */
@Component
class ThrottledPasswordAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledPasswordAuthentication(RedressUserDetails users, PasswordEncoder encoder, SignInThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    /** Too many failures: try again after {@link #retryAfterSeconds()}. */
    static final class TooManyAttempts extends AuthenticationException {
        private final Duration retryAfter;

        TooManyAttempts(Duration retryAfter) {
            super("Too many failed sign-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s.");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        }
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = attempt.getName() == null ? "" : attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
            ? details.getRemoteAddress() : "unknown";
        SignInThrottle.Standing standing = throttle.standing(email, address);
        if (!standing.waitFor().isZero()) {
            throw new TooManyAttempts(standing.waitFor());
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            // Only an account with failures has a count to clear: no write on an ordinary sign-in.
            if (standing.accountHasFailures()) {
                throttle.succeeded(email);
            }
            return signedIn;
        } catch (BadCredentialsException wrong) {
            throttle.failed(email, address);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
