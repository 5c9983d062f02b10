package fr.recouvrement.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser that holds Basic credentials for {@code /api} or {@code /engine-rest} (cached after a
 * login prompt) would send them with a form another site makes it post (review M1). Those APIs have
 * no session and no CSRF token, so this refuses, for every call that changes something:
 *
 * <ul>
 *   <li>a call a browser marks as coming from another site: an {@code Origin} other than this
 *       application's (or one of {@code recouvrement.http.allowed-origins}), {@code Origin: null},
 *       or {@code Sec-Fetch-Site} {@code cross-site} / {@code same-site};
 *   <li>a body of a type no such call takes: only JSON, CSV (the import) and multipart (Modeler's
 *       deployments) are read; {@code text/plain} and url-encoded forms, which a page can post
 *       without asking, never are.
 * </ul>
 *
 * Servers and scripts (an ERP, curl, Camunda Modeler) send no {@code Origin} and are unaffected.
 */
class CrossSiteGuard extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(CrossSiteGuard.class);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final Set<String> allowedOrigins;

  CrossSiteGuard(Set<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = Problems.path(request);
    return SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
        || !(path.startsWith("/api/") || path.startsWith("/engine-rest/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader("Origin");
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    boolean crossSite =
        (origin != null && !sameOrigin(origin, request) && !allowedOrigins.contains(origin))
            || (origin == null
                && fetchSite != null
                && (fetchSite.equalsIgnoreCase("cross-site")
                    || fetchSite.equalsIgnoreCase("same-site")));
    if (crossSite) {
      log.warn("Refused a cross-site {} {}", request.getMethod(), Problems.path(request));
      Problems.write(
          request,
          response,
          403,
          "Cross-site request refused",
          "A call that changes something is not accepted from a page of another site.");
      return;
    }
    String type = request.getContentType();
    if (type != null && !acceptedType(type)) {
      Problems.write(
          request,
          response,
          415,
          "Unsupported content type",
          "Content type must be application/json, text/csv (import) or multipart/form-data (deployments).");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean acceptedType(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    return type.equals("application/json")
        || type.endsWith("+json")
        || type.equals("text/csv")
        || type.equals("application/csv")
        || type.equals("multipart/form-data");
  }

  /** The Origin names this application: same host and port as the request was sent to. */
  static boolean sameOrigin(String origin, HttpServletRequest request) {
    if (origin.equals("null")) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String host = request.getHeader("Host");
      if (uri.getHost() == null || host == null) {
        return false;
      }
      int port =
          uri.getPort() != -1
              ? uri.getPort()
              : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      return (uri.getHost() + ":" + port)
          .equalsIgnoreCase(host.contains(":") ? host : host + ":" + port);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
