package org.redress.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A caller signed in with an API token (rather than a password), which limits what they may do with tokens. */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final RedressUser user;

    TokenAuthentication(RedressUser user) {
        super(user.getAuthorities());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public RedressUser getPrincipal() {
        return user;
    }
}
