package fr.recouvrement.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials checked against Camunda's identity, the one user store (the users and
 * groups managed in Admin). The authorities are the user's Camunda group ids, as they are
 * ("collectors", "camunda-admin"), so a rule reads like the group list in Admin.
 *
 * <p>Being the only {@link AuthenticationProvider} bean, it is also what stops Spring Boot from
 * generating a default user and logging its password.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {
  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  /** Refused without checking the password: this address failed too often lately (answered 429). */
  static final class TooManyFailedLogins extends AuthenticationException {
    final Duration wait;

    TooManyFailedLogins(Duration wait) {
      super("Too many failed logins from this address");
      this.wait = wait;
    }
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? "" : credentials.toString();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : "unknown";
    // the engine never locks a user (see LoginThrottle); the caller's address waits instead
    Optional<Duration> wait = throttle.waitFor(address, userId);
    if (wait.isPresent()) {
      throw new TooManyFailedLogins(wait.get());
    }
    if (userId == null
        || userId.isBlank()
        || password.isEmpty()
        || !identityService.checkPassword(userId, password)) {
      throttle.failed(address, userId);
      throw new BadCredentialsException("Wrong user name or password");
    }
    throttle.succeeded(address, userId);
    List<SimpleGrantedAuthority> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .map(SimpleGrantedAuthority::new)
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
