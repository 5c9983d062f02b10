package fr.recouvrement.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 of {@code /api} in the same {@code application/problem+json} as every other error of
 * the API (see fr.recouvrement.web.ApiExceptionHandler): these happen in the security filter,
 * before any controller advice could answer.
 */
@Component
class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
  static final String REALM = "Recouvrement";

  private final ObjectMapper objectMapper;

  ApiProblemResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof CamundaIdentityAuthenticationProvider.TooManyFailedLogins throttled) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.TOO_MANY_REQUESTS,
              "Too many failed logins from this address: try again later.");
      problem.setTitle("Too many failed logins");
      response.setHeader(
          HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.wait.toSeconds())));
      write(request, response, problem);
      return;
    }
    String detail =
        e instanceof BadCredentialsException
            ? "Wrong user name or password."
            : "Authentication required: HTTP Basic with a Camunda user (the users managed in Admin).";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
    problem.setTitle("Unauthorized");
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    write(request, response, problem);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    // says what was refused, never who the caller is nor which groups he has (review L8)
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "Your groups do not allow this call.");
    problem.setTitle("Forbidden");
    write(request, response, problem);
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
