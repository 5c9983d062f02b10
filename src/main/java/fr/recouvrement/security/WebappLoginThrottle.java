package fr.recouvrement.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}})
 * checks passwords itself, outside Spring Security: the same {@link LoginThrottle} slows down an
 * address that keeps failing there (429), counted by address only, since reading the user name
 * would consume the form the login resource reads.
 */
class WebappLoginThrottle extends OncePerRequestFilter {
  private final LoginThrottle throttle;

  WebappLoginThrottle(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equalsIgnoreCase(request.getMethod())
        || !path.matches("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(address, null);
    if (wait.isPresent()) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              "{\"type\":\"TooManyFailedLogins\",\"message\":\"Too many failed logins from this address: try again later.\"}"
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, null);
    }
  }
}
