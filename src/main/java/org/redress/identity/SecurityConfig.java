package org.redress.identity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.redress.audit.AuditTrail;
import org.redress.shared.ProblemType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two ways in. The API ({@code /api/**}, actuator) is stateless: a bearer token or HTTP
 * Basic on every request, no session, no CSRF (no cookie is ever trusted), and failures
 * answered as problem documents. The console uses a session and CSRF, signed in with a
 * password, or through the company's identity provider ({@link SingleSignOn}), or both.
 * Integrations (business systems) use only the API, with tokens an admin issued, and only
 * to post complaints, business events and inbound messages; people do everything else.
 */
@Configuration
class SecurityConfig {

    // Problem documents written with a JSON writer, not by concatenation: a detail may one day
    // carry a backslash or a line break.
    private static final JsonMapper PROBLEM_WRITER = JsonMapper.builder().build();

    // Everyone who signs in as a person; integrations are confined to what a business system sends.
    private static final String[] PEOPLE = {"AGENT", "LEAD", "MANAGER", "ADMIN"};

    /*
     * No observation of each security filter, authentication and authorization: with
     * observations merely switched off, every filter of every request is still wrapped and
     * asks whether to observe (about 2% of an intake's CPU in a profile); HTTP server
     * metrics cover each request already.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /*
     * Health answers everyone and checks no credentials: a probe sending some must not be
     * refused while the database that would check them is down (liveness would fail too).
     */
    @Bean
    @Order(0)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/health", "/actuator/health/**", "/actuator/info")
            .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenSignIn tokens, AuditTrail audit, SsoSettings sso) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            systemFailure(e);
            if (e instanceof ThrottledPasswordAuthentication.TooManyAttempts tooMany) {
                response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
                problem(response, 429, "Too Many Requests", "Too many failed sign-ins for this account or from this "
                    + "address; try again in " + tooMany.retryAfterSeconds() + " s.");
                return;
            }
            problem(response, 401, "Unauthorized", "Sign in first: send 'Authorization: Bearer <token>' (create a token "
                + "in the console under Account)" + (sso.passwords() ? " or HTTP Basic with your email and password." : "."));
        };
        AccessDeniedHandler forbidden = new ApiRefusals(audit);
        http.securityMatcher("/api/**", "/actuator/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                // What arrives here speaks for customers and for the business's systems: only an integration may post it.
                .requestMatchers("/api/v1/inbound/**").hasRole("INTEGRATION")
                .requestMatchers(HttpMethod.POST, "/api/v1/events").hasRole("INTEGRATION")
                // Complaints come from people (a call logged) and from business systems alike.
                .requestMatchers(HttpMethod.POST, "/api/v1/complaints").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/me", "/api/v1/taxonomy/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/users/**", "/api/v1/teams/**", "/api/v1/sla/**").hasAnyRole(PEOPLE)
                .requestMatchers("/api/v1/users/**", "/api/v1/teams/**", "/api/v1/taxonomy/**", "/api/v1/audit/**", "/api/v1/sla/**",
                    "/api/v1/mail/**").hasRole("ADMIN")
                // Everything else (cases, remedies, customers, ...) is work for people, never for an integration.
                .anyRequest().hasAnyRole(PEOPLE))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .addFilterBefore(new BearerTokenFilter(tokens, unauthenticated), BasicAuthenticationFilter.class)
            .exceptionHandling(handling -> handling
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(forbidden))
            // An API answer is data, never a page: nothing in it may run or be framed.
            .headers(headers -> hardened(headers, "default-src 'none'; frame-ancestors 'none'"));
        if (sso.passwords()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, Directory directory, SignedInCache signedIn, SsoSettings sso, SsoAccounts accounts) throws Exception {
        http.addFilterBefore(new FreshPrincipalFilter(directory, signedIn), AuthorizationFilter.class)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                    "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                // Customer pages (case /c, survey /s, incident notice /i): the link's secret is the
                // credential, checked by each page's controller.
                .requestMatchers("/c/**", "/s/**", "/i/**").permitAll()
                // Leads and managers approve against the remedy policy, so they may read it; only admins change it.
                .requestMatchers(HttpMethod.GET, "/admin/remedies").hasAnyRole("LEAD", "MANAGER", "ADMIN")
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
            // A customer page's secret path is itself what a forged request would need.
            .csrf(csrf -> csrf.ignoringRequestMatchers("/c/**", "/s/**", "/i/**"))
            .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
            .exceptionHandling(handling -> handling.authenticationEntryPoint(signInPage()))
            .headers(headers -> hardened(headers, sso.enabled() ? SingleSignOn.consolePolicy(CONSOLE_POLICY, sso) : CONSOLE_POLICY));
        if (sso.passwords()) {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/cases").permitAll()
                .failureHandler(SecurityConfig::signInFailed));
        }
        if (sso.enabled()) {
            SingleSignOn.configure(http, new SsoRegistrations(sso), accounts);
        }
        return http.build();
    }

    /**
     * The console's Content-Security-Policy: scripts only from Redress itself (htmx and
     * {@code /js/console.js}; no inline script or event handler anywhere), no plug-ins, no
     * framing, forms post only back to Redress. Inline style attributes stay allowed: they
     * cannot run code.
     */
    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void hardened(HeadersConfigurer<HttpSecurity> headers, String policy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
            // Customer pages carry their secret in the path: no page of Redress tells another site where it was.
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"));
    }

    // Relative, so the address comes from the browser's own request line, never from a Host header it was sent.
    private static AuthenticationEntryPoint signInPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    private static void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException, ServletException {
        systemFailure(e);
        if (e instanceof ThrottledPasswordAuthentication.TooManyAttempts tooMany) {
            response.sendRedirect(request.getContextPath() + "/login?wait=" + tooMany.retryAfterSeconds());
        } else {
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }

    /*
     * Credentials that could not be checked (the database is down) are not wrong credentials:
     * the failure goes on up, to be answered as what it is (503 during an outage), not 401.
     */
    private static void systemFailure(AuthenticationException e) throws ServletException {
        if (e instanceof InternalAuthenticationServiceException) {
            throw new ServletException("Credentials could not be checked", e);
        }
    }

    // Written by hand: these fire in the filter chain, before Spring MVC's problem support.
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"redress\", Basic realm=\"redress\"");
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemType.forStatus(status).uri().toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.getWriter().write(PROBLEM_WRITER.writeValueAsString(problem));
    }
}
