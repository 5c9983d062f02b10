package fr.recouvrement.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The web pages for people under {@code /app/**} (fr.recouvrement.web.pages; not Camunda's {@code
 * /camunda/app}): a French login form checked against Camunda identity (the same users and groups
 * as the webapps), a session, CSRF tokens on every POST, and read-only access for every group. The
 * only POSTs are login, logout and a supervisor's revocation of a case's portal links.
 */
@Configuration
class PagesSecurityConfig {
  static final String PAGES = "/app/**";
  static final String LOGIN = "/app/login";
  static final String LOGOUT = "/app/logout";
  static final String DENIED = "/app/denied";

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  /** After /api and /engine-rest, before the webapps' catch-all chain. */
  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    String[] readers = GroupIds.READERS.toArray(String[]::new);
    AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
    denied.setErrorPage(DENIED);
    http.securityMatcher(PATHS.matcher(PAGES))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        PATHS.matcher(HttpMethod.GET, LOGIN),
                        PATHS.matcher(HttpMethod.GET, "/app/*.css"))
                    .permitAll()
                    // forwarded to by the access-denied handler (also for a missing CSRF token
                    // before login)
                    .requestMatchers(PATHS.matcher(DENIED))
                    .permitAll()
                    .requestMatchers(
                        PATHS.matcher(HttpMethod.GET, PAGES), PATHS.matcher(HttpMethod.HEAD, PAGES))
                    .hasAnyAuthority(readers)
                    // a supervisor revokes a case's links to the debtor portal (issue 17); CSRF
                    // token required as for login
                    .requestMatchers(
                        PATHS.matcher(HttpMethod.POST, "/app/cases/*/portail/revoquer"))
                    .hasAnyAuthority(GroupIds.SUPERVISING.toArray(String[]::new))
                    // login and logout are handled by their filters before this; any other write is
                    // refused
                    .anyRequest()
                    .denyAll())
        .formLogin(
            form ->
                form.loginPage(LOGIN)
                    .loginProcessingUrl(LOGIN)
                    .defaultSuccessUrl("/app/cases")
                    .failureUrl(LOGIN + "?error"))
        .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessUrl(LOGIN + "?logout"))
        .exceptionHandling(e -> e.accessDeniedHandler(denied))
        // the pages load only their own stylesheet and images, run no script of their own and
        // cannot be framed
        // (review L10); connect-src 'self' lets a browser tool fetch a page's own export (the
        // timeline CSV)
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; connect-src 'self';"
                                + " frame-ancestors 'none'; base-uri 'none'")));
    // CSRF stays on (Spring Security's default, a token in the session); Thymeleaf adds it to each
    // POST form
    return http.build();
  }
}
