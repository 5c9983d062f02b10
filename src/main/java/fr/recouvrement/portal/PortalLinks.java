package fr.recouvrement.portal;

import fr.recouvrement.channel.DebtorPageLinks;
import fr.recouvrement.kernel.hash.Sha256;
import fr.recouvrement.kernel.time.CaseClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * The debtor's personal links {@code /portail/{token}}. Each message gets its own link: the token
 * is 26 random base-32 characters (130 bits; lower-case letters and 2–7, short enough to type from
 * a letter, case-insensitive), only its SHA-256 is stored, and it opens exactly one case. A link
 * works while the case is open and {@code daysAfterClosing} days after it closed, until a
 * supervisor revokes the case's links (all of them: the debtor may hold several messages). The URL
 * carries nothing but the token: no name, no reference.
 */
@Service
public class PortalLinks implements DebtorPageLinks {
  public static final String PATH = "/portail/";
  private static final Logger log = LoggerFactory.getLogger(PortalLinks.class);
  private static final Pattern TOKEN = Pattern.compile("[a-z2-7]{26}");
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PortalRepository repository;
  private final PortalSettings settings;
  private final Environment environment;
  private volatile boolean warned;

  PortalLinks(PortalRepository repository, PortalSettings settings, Environment environment) {
    this.repository = repository;
    this.settings = settings;
    this.environment = environment;
  }

  /** A new link to the case's page, to print in a message; empty when there is no such case. */
  public Optional<String> issue(String caseReference, String issuedFor) {
    char[] token = new char[26];
    for (int i = 0; i < token.length; i++) {
      token[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    String t = new String(token);
    if (!repository.insertLink(
        caseReference,
        hash(t),
        issuedFor == null ? null : truncate(issuedFor, 64),
        CaseClock.now())) {
      return Optional.empty();
    }
    return Optional.of(baseUrl() + PATH + t);
  }

  /**
   * A link with its QR code (for letters, drawn only when asked), or empty when there is no such
   * case.
   */
  @Override
  public Optional<Link> link(String caseReference, String issuedFor) {
    return issue(caseReference, issuedFor).map(PortalLinks::printable);
  }

  /** The link of that address, as the messages print it. */
  public static Link printable(String url) {
    return new Link(
        url,
        () -> QrCodes.dataUri(url, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M, 240));
  }

  /** Revokes every link of the case; answers how many were still working. */
  public int revoke(String caseReference, String actor) {
    return repository.revokeAll(caseReference, actor, CaseClock.now());
  }

  public long activeLinks(String caseReference) {
    return repository.activeLinks(caseReference);
  }

  /**
   * The case a token opens today, or empty: unknown, malformed, revoked, expired or erased alike.
   */
  Optional<PortalRepository.LinkedCase> resolve(String token) {
    if (token == null || !TOKEN.matcher(token.toLowerCase(java.util.Locale.ROOT)).matches()) {
      return Optional.empty();
    }
    token = token.toLowerCase(java.util.Locale.ROOT);
    Instant now = CaseClock.now();
    return repository
        .byToken(hash(token))
        .filter(l -> l.revokedAt() == null && !l.anonymised())
        .filter(
            l ->
                l.closedAt() == null
                    || now.isBefore(
                        l.closedAt().plus(Duration.ofDays(settings.daysAfterClosing()))));
  }

  /** The address debtors reach the application at, without a trailing slash. */
  public String baseUrl() {
    String base = settings.baseUrl();
    if (base == null || base.isBlank()) {
      if (!warned) {
        warned = true;
        log.warn(
            "recouvrement.portal.base-url is not set: links to the debtor portal point to localhost, which debtors cannot open");
      }
      return "http://localhost:"
          + environment.getProperty(
              "local.server.port", environment.getProperty("server.port", "8080"));
    }
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** The token as stored: its SHA-256 (the token is ASCII, so its UTF-8 bytes are its bytes). */
  static String hash(String token) {
    return Sha256.hex(token);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
