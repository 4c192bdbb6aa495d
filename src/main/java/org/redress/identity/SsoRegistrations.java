package org.redress.identity;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The identity provider as an OAuth 2.0 client registration, read from its discovery document
 * ({@code /.well-known/openid-configuration}) the first time someone signs in rather than at
 * start: Redress starts, and local passwords and API tokens work, while the provider is away.
 */
class SsoRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SsoRegistrations.class);

    private final SsoSettings settings;
    private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

    SsoRegistrations(SsoSettings settings) {
        this.settings = settings;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!SsoSettings.REGISTRATION.equals(registrationId) || !settings.enabled()) {
            return null;
        }
        ClientRegistration registration = discovered.get();
        if (registration == null) {
            registration = discover();
            discovered.compareAndSet(null, registration);
        }
        return registration;
    }

    private ClientRegistration discover() {
        try {
            boolean confidential = settings.clientSecret() != null && !settings.clientSecret().isBlank();
            return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(SsoSettings.REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(confidential ? settings.clientSecret() : null)
                // A client without a secret proves itself with PKCE alone.
                .clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(settings.scopes())
                .clientName(settings.label())
                .build();
        } catch (RuntimeException unreachable) {
            log.warn("The identity provider at {} could not be read: {}", settings.issuerUri(), unreachable.getMessage());
            throw new IllegalStateException("The identity provider could not be reached; try again in a moment, or sign in "
                + "with a password if your admin allows it.", unreachable);
        }
    }
}
