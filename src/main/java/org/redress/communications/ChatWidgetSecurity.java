package org.redress.communications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The chat widget is for customers on another site: no sign-in, no session and no CSRF
 * token (no cookie is involved, so a forged request has nothing to ride on: the
 * conversation's secret travels in a header). Its page may be framed only by the sites
 * configured ({@link ChatSettings#sites()}), and runs only Redress's own script.
 */
@Configuration(proxyBeanMethods = false)
class ChatWidgetSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain chatWidget(HttpSecurity http, ChatSettings settings) throws Exception {
        http.securityMatcher("/widget", "/widget/**", "/widget.js", "/js/chat.js", "/css/chat.css")
            .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .headers(headers -> headers
                .frameOptions(frame -> frame.disable())
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; "
                    + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors "
                    + settings.frameAncestors()))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
