package fr.recouvrement.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what over HTTP.
 *
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against Camunda identity; access by Camunda group, decided here
 *       (the API's own code runs without a Camunda authentication).
 *   <li>{@code /engine-rest/**}: HTTP Basic against Camunda identity; then Camunda's own filter
 *       makes the caller the engine's authenticated user, so Camunda authorizations decide.
 *   <li>{@code /app/**}: the web pages for people, see {@link PagesSecurityConfig} (order 3).
 *   <li>Everything else (the webapps under {@code /camunda/**}, their own REST API, {@code /},
 *       {@code /error}): left to the webapps, which have their own login, session and CSRF token.
 * </ul>
 */
@Configuration
class SecurityConfig {
  static final String API = "/api/**";
  static final String CASES = "/api/cases/**";
  static final String INSOLVENCY = "/api/cases/*/insolvency";
  static final String OVER_INDEBTEDNESS = "/api/cases/*/over-indebtedness/**";
  static final String ENGINE_REST = "/engine-rest/**";

  /** Provider callbacks (bailiff, postal): authenticated by their HMAC signature, not by a user. */
  static final String CALLBACKS = "/api/callbacks/**";

  /** Paths as the client wrote them, whichever servlet serves them (Spring MVC or Jersey). */
  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiProblemResponses problems) throws Exception {
    String[] readers = GroupIds.READERS.toArray(String[]::new);
    String[] caseWorkers = GroupIds.CASE_WORKERS.toArray(String[]::new);
    statelessBasic(http, problems)
        .securityMatcher(PATHS.matcher(API))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // JSON for programs, and one page for people (/api/docs, Swagger UI): its own scripts and
        // styles only
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(PATHS.matcher(HttpMethod.POST, CALLBACKS))
                    .permitAll()
                    .requestMatchers(
                        PATHS.matcher(HttpMethod.GET, API), PATHS.matcher(HttpMethod.HEAD, API))
                    .hasAnyAuthority(readers)
                    // a collective procedure or over-indebtedness stops the collection: a
                    // supervisor declares it (L2)
                    .requestMatchers(
                        PATHS.matcher(HttpMethod.POST, INSOLVENCY),
                        PATHS.matcher(HttpMethod.POST, OVER_INDEBTEDNESS),
                        // revoking the debtor's portal links (issue 17)
                        PATHS.matcher(HttpMethod.POST, "/api/cases/*/portal/revoke"))
                    .hasAnyAuthority(GroupIds.SUPERVISING.toArray(String[]::new))
                    .requestMatchers(
                        PATHS.matcher(HttpMethod.POST, CASES),
                        PATHS.matcher(HttpMethod.PUT, CASES),
                        PATHS.matcher(HttpMethod.PATCH, CASES),
                        PATHS.matcher(HttpMethod.DELETE, CASES))
                    .hasAnyAuthority(caseWorkers)
                    // a debtor's erasure request (GDPR art. 17) is the administrator's
                    .requestMatchers(PATHS.matcher(HttpMethod.DELETE, "/api/debtors/**"))
                    .hasAuthority(GroupIds.CAMUNDA_ADMIN)
                    // removing the demo portfolio (docs/operations.md)
                    .requestMatchers(PATHS.matcher(HttpMethod.DELETE, "/api/demo/portfolio"))
                    .hasAuthority(GroupIds.CAMUNDA_ADMIN)
                    // closed by default: a new write endpoint says here who may call it (a bailiff
                    // callback, say)
                    .anyRequest()
                    .denyAll());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
    challenge.setRealmName(ApiProblemResponses.REALM);
    challenge.afterPropertiesSet();
    statelessBasic(http, challenge)
        .securityMatcher(PATHS.matcher(ENGINE_REST))
        .exceptionHandling(e -> e.authenticationEntryPoint(challenge))
        .authorizeHttpRequests(
            auth ->
                // erasing is camunda-admin's alone, whatever authorizations someone was given in
                // Admin (review H2)
                auth.requestMatchers(SecurityConfig::erases)
                    .hasAuthority(GroupIds.CAMUNDA_ADMIN)
                    // any other call of an authenticated user: Camunda authorizations decide
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  /**
   * The webapps authenticate, keep sessions and check CSRF themselves; Spring Security stays out.
   * The catch-all, so it comes last.
   */
  @Bean
  @Order(4)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    http.csrf(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
    return http.build();
  }

  /**
   * An {@code /engine-rest} call that deletes something (a deployment, an instance, history, a
   * batch) or shortens how long history is kept: any DELETE, and the POSTs of the delete and
   * removal-time operations and of the history cleanup.
   */
  static boolean erases(HttpServletRequest request) {
    String path =
        (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
            .toLowerCase(Locale.ROOT);
    if (!path.startsWith("/engine-rest/")) {
      return false;
    }
    if (HttpMethod.DELETE.matches(request.getMethod())) {
      return true;
    }
    return HttpMethod.POST.matches(request.getMethod())
        && (path.contains("/delete")
            || path.contains("removal-time")
            || path.contains("/history/cleanup"));
  }

  private static HttpSecurity statelessBasic(HttpSecurity http, AuthenticationEntryPoint entryPoint)
      throws Exception {
    return http.httpBasic(
            basic ->
                basic.realmName(ApiProblemResponses.REALM).authenticationEntryPoint(entryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // no session and no cookie: nothing a forged cross-site request could ride on
        .csrf(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable);
  }

  /**
   * Failed logins to the webapps slow their address down too (review H6); right behind the body
   * limit.
   */
  @Bean
  FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle) {
    FilterRegistrationBean<WebappLoginThrottle> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottle(throttle));
    registration.setName("recouvrement-webapp-login-throttle");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /**
   * Runs each {@code /engine-rest} request as the Camunda user that Spring Security authenticated
   * (ContainerBasedAuthenticationProvider reads {@code request.getUserPrincipal()}), with that
   * user's groups and tenants, so that Camunda's authorizations apply. Ordered after Spring
   * Security's filter chain, which sets the principal.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName());
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
