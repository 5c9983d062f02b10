package fr.recouvrement.portal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The debtor portal {@code /portail/**}: no login (the token in the path is the only key), a
 * session only to hold the CSRF token that every form carries, no referrer sent to other sites (the
 * page's address is the key), a strict content security policy, never framed, never cached.
 */
@Configuration
@EnableConfigurationProperties(PortalSettings.class)
class PortalSecurityConfig {
  @Bean
  @Order(3)
  SecurityFilterChain portal(HttpSecurity http) throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/portail/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(a -> a.principal(PortalAction.ACTOR))
        // a missing or stale CSRF token (a form left open for hours) gets the page again with a
        // message, not an error
        .exceptionHandling(e -> e.accessDeniedPage("/portail/session-expiree"))
        .headers(
            headers ->
                headers
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    // form-action allows https: because « Payer en ligne » redirects to the
                    // provider's hosted page
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' https:;"
                                    + " frame-ancestors 'none'; base-uri 'none'")));
    return http.build();
  }
}
