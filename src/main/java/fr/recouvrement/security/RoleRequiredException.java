package fr.recouvrement.security;

/**
 * A business rule that needs a role the caller lacks (a payment that settles a case needs a
 * supervisor): answered 403 with this message, which states the rule and never the caller's own
 * groups or permissions (security review L8).
 */
public class RoleRequiredException extends RuntimeException {
  public RoleRequiredException(String rule) {
    super(rule);
  }
}
