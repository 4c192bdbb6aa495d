package org.redress.identity;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the identity provider: the provider's ID token and claims, and
 * the Redress account they are. Held in the console session; each request works with the
 * account as it is then (see {@link FreshPrincipalFilter}).
 */
final class SsoPrincipal extends DefaultOidcUser {

    private final long userId;

    SsoPrincipal(long userId, RedressUser person, OidcUser signedIn) {
        super(person.getAuthorities(), signedIn.getIdToken(), signedIn.getUserInfo());
        this.userId = userId;
    }

    long userId() {
        return userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SsoPrincipal that && that.userId == userId && super.equals(other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId) * 31 + super.hashCode();
    }
}
