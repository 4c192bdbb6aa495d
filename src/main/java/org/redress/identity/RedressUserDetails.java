package org.redress.identity;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users for form login and HTTP Basic, by email (case-insensitive). Integrations are
 * not found here: they have no password and sign in only with the tokens an admin issued.
 */
@Component
class RedressUserDetails implements UserDetailsService {

    private final Users users;

    RedressUserDetails(Users users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email.trim().toLowerCase(Locale.ROOT))
            .filter(user -> user.role().person())
            .map(RedressUser::of)
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
