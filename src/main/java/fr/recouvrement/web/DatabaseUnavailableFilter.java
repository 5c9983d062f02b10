package fr.recouvrement.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database out of reach before a controller runs (checking a caller's password reads Camunda's
 * identity tables): {@code /api} and {@code /engine-rest} answer 503 problem+json with Retry-After,
 * as {@link DatabaseUnavailableProblems} does inside the controllers, never a bare 500.
 */
@Configuration
class DatabaseUnavailableFilter {
  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseUnavailable(
      com.fasterxml.jackson.databind.ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return !(path.startsWith("/api/") || path.startsWith("/engine-rest/"));
              }

              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                try {
                  chain.doFilter(request, response);
                } catch (RuntimeException | ServletException e) {
                  if (!DatabaseUnavailableProblems.connectionFailure(e) || response.isCommitted()) {
                    throw e;
                  }
                  log.warn(
                      "Database unavailable before the controller, answered 503: {}",
                      e.getMessage());
                  response.resetBuffer();
                  response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                  response.setHeader(
                      "Retry-After", DatabaseUnavailableProblems.RETRY_AFTER_SECONDS);
                  response.setContentType("application/problem+json");
                  response.setCharacterEncoding("UTF-8");
                  ProblemDetail problem = DatabaseUnavailableProblems.problem();
                  problem.setInstance(java.net.URI.create(request.getRequestURI()));
                  json.writeValue(response.getWriter(), problem);
                }
              }
            });
    // outside Spring Security's chain, so that a failure while checking the caller is caught too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    return registration;
  }
}
