package org.redress.identity;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two ways in. The API ({@code /api/**}, actuator) is stateless: a bearer token or HTTP
 * Basic on every request, no session, no CSRF (no cookie is ever trusted), and failures
 * answered as problem documents. The console uses form login with a session and CSRF.
 */
@Configuration
class SecurityConfig {

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
    SecurityFilterChain api(HttpSecurity http, TokenService tokens) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            systemFailure(e);
            problem(response, 401, "Unauthorized", "Sign in first: send 'Authorization: Bearer <token>' (create a token "
                + "in the console under Account) or HTTP Basic with your email and password.");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problem(response, 403,
            "Forbidden", "Your role does not allow this action.");
        http.securityMatcher("/api/**", "/actuator/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/api/v1/remedies/ledger").hasAnyRole("LEAD", "MANAGER", "ADMIN")
                // What arrives here speaks for customers: only an admin's (integration) token may post it.
                .requestMatchers("/api/v1/inbound/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/v1/users/**", "/api/v1/teams/**", "/api/v1/taxonomy/**", "/api/v1/sla/**").authenticated()
                .requestMatchers("/api/v1/users/**", "/api/v1/teams/**", "/api/v1/taxonomy/**", "/api/v1/audit/**", "/api/v1/sla/**").hasRole("ADMIN")
                .anyRequest().authenticated())
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
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/cases").permitAll()
                .failureHandler((request, response, e) -> {
                    systemFailure(e);
                    new SimpleUrlAuthenticationFailureHandler("/login?error").onAuthenticationFailure(request, response, e);
                }))
            .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
        return http.build();
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
    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"redress\", Basic realm=\"redress\"");
        }
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
            + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}");
    }
}
