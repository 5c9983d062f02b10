package fr.recouvrement.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The operations endpoints under {@code /actuator}: health (its liveness and readiness groups) for
 * anyone, as load balancers and Docker ask without credentials, and without details unless the
 * caller is an operator ({@code management.endpoint.health.roles}); info and Prometheus metrics for
 * {@code camunda-admin} and {@code monitoring} only, over HTTP Basic. Nothing else there answers.
 */
@Configuration
class OperationsSecurityConfig {
  static final String ACTUATOR = "/actuator/**";

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  /**
   * Its paths are disjoint from the other chains'; it only has to come before the webapps'
   * catch-all.
   */
  @Bean
  @Order(0)
  SecurityFilterChain operations(HttpSecurity http, ApiProblemResponses problems) throws Exception {
    String[] operators = GroupIds.OPERATORS.toArray(String[]::new);
    http.securityMatcher(PATHS.matcher(ACTUATOR))
        .httpBasic(
            basic -> basic.realmName(ApiProblemResponses.REALM).authenticationEntryPoint(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        PATHS.matcher(HttpMethod.GET, "/actuator/health"),
                        PATHS.matcher(HttpMethod.GET, "/actuator/health/**"))
                    .permitAll()
                    .requestMatchers(
                        PATHS.matcher(HttpMethod.GET, "/actuator/info"),
                        PATHS.matcher(HttpMethod.GET, "/actuator/prometheus"))
                    .hasAnyAuthority(operators)
                    .anyRequest()
                    .denyAll());
    return http.build();
  }
}
