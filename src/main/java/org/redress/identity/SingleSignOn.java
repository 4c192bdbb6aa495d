package org.redress.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * The console's sign-in through the company's OpenID Connect provider: the authorization code
 * flow with PKCE (a code stolen on its way back is worthless without the verifier this session
 * holds), the account found or created by {@link SsoAccounts}, a refusal shown on the sign-in
 * page, and a sign-out that ends the session at the provider too, so the next person at the
 * same browser is asked who they are.
 */
final class SingleSignOn {

    /** Where the sign-in page's button starts the flow. */
    static final String START = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/"
        + SsoSettings.REGISTRATION;

    private SingleSignOn() {
    }

    /**
     * The console's Content-Security-Policy with the provider allowed as a form's destination:
     * signing out posts to Redress, which sends the browser on to the provider to end its
     * session there, and browsers hold a form's redirects to {@code form-action} too.
     */
    static String consolePolicy(String policy, SsoSettings settings) {
        java.net.URI issuer = java.net.URI.create(settings.issuerUri());
        String origin = issuer.getScheme() + "://" + issuer.getAuthority();
        return policy.replace("form-action 'self'", "form-action 'self' " + origin);
    }

    static void configure(HttpSecurity http, SsoRegistrations registrations, SsoAccounts accounts) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        // The failure is kept in the session for the sign-in page to say why.
        SimpleUrlAuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler("/login?refused");
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/login?signedOut");
        signedOut.setDefaultTargetUrl("/login?signedOut");
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registrations)
                // Tokens live in the person's session and end with it, not in a map on the server.
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(accounts))
                .defaultSuccessUrl("/cases")
                .failureHandler(refused))
            .logout(logout -> logout.logoutSuccessHandler(signedOut));
    }
}
