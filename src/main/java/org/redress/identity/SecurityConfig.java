package org.redress.identity;

import java.io.IOException;

import org.redress.audit.AuditTrail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Two ways in. The API ({@code /api/**}, actuator) is stateless: a bearer token or HTTP
 * Basic on every request, no session, no CSRF (no cookie is ever trusted), and failures
 * answered as problem documents. The console uses form login with a session and CSRF.
 * Integrations (business systems) use only the API, with tokens an admin issued, and only
 * to post complaints, business events and inbound messages; people do everything else.
 */
@Configuration
class SecurityConfig {

    // Everyone who signs in as a person; integrations are confined to what a business system sends.
    private static final String[] PEOPLE = {"AGENT", "LEAD", "MANAGER", "ADMIN"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, AuditTrail audit) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> problem(response, 401,
            "Unauthorized", "Sign in first: send 'Authorization: Bearer <token>' (create a token in the console "
                + "under Account) or HTTP Basic with your email and password.");
        AccessDeniedHandler forbidden = new ApiRefusals(audit);
        http.securityMatcher("/api/**", "/actuator/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                // What arrives here speaks for customers and for the business's systems: only an integration may post it.
                .requestMatchers("/api/v1/inbound/**").hasRole("INTEGRATION")
                .requestMatchers(HttpMethod.POST, "/api/v1/events").hasRole("INTEGRATION")
                // Complaints come from people (a call logged) and from business systems alike.
                .requestMatchers(HttpMethod.POST, "/api/v1/complaints").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/me", "/api/v1/taxonomy/**").authenticated()
                .requestMatchers("/api/v1/remedies/ledger").hasAnyRole("LEAD", "MANAGER", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/v1/users/**", "/api/v1/teams/**", "/api/v1/sla/**").hasAnyRole(PEOPLE)
                .requestMatchers("/api/v1/users/**", "/api/v1/teams/**", "/api/v1/taxonomy/**", "/api/v1/audit/**", "/api/v1/sla/**").hasRole("ADMIN")
                // Everything else (cases, remedies, customers, ...) is work for people, never for an integration.
                .anyRequest().hasAnyRole(PEOPLE))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
            .addFilterBefore(new BearerTokenFilter(tokens, unauthenticated), BasicAuthenticationFilter.class)
            .exceptionHandling(handling -> handling
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(forbidden));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, Users users) throws Exception {
        http.addFilterBefore(new FreshPrincipalFilter(users), AuthorizationFilter.class)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                    "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                // Customer pages (case /c, survey /s, incident notice /i): the link's secret is the
                // credential, checked by each page's controller.
                .requestMatchers("/c/**", "/s/**", "/i/**").permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
            // A customer page's secret path is itself what a forged request would need.
            .csrf(csrf -> csrf.ignoringRequestMatchers("/c/**", "/s/**", "/i/**"))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/cases").permitAll())
            .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
        return http.build();
    }

    // Written by hand: these fire in the filter chain, before Spring MVC's problem support.
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"redress\", Basic realm=\"redress\"");
        }
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
            + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}");
    }
}
