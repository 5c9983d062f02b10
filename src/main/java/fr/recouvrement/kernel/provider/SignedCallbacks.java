package fr.recouvrement.kernel.provider;

import fr.recouvrement.kernel.hash.Sha256;
import fr.recouvrement.kernel.time.CaseClock;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Callbacks from a provider (the bailiff, the postal provider) are not sent by a Camunda user: they
 * are authenticated by a shared-secret signature and applied once.
 *
 * <p>The sender signs {@code timestamp + "." + body} with HMAC-SHA256 and sends the headers {@value
 * #TIMESTAMP_HEADER} (epoch seconds) and {@value #SIGNATURE_HEADER} ({@code sha256=<hex>}). A
 * signature older or newer than {@link #TOLERANCE} is refused (a captured request cannot be
 * replayed later), and each event id is applied once (a replay inside the window is answered with
 * what was done the first time).
 */
@Component
public class SignedCallbacks {
  public static final String TIMESTAMP_HEADER = "X-Recouvrement-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Recouvrement-Signature";
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  static final String INVALID = "Invalid signature";
  private static final Logger log = LoggerFactory.getLogger(SignedCallbacks.class);

  /** The callback is refused: answered 401 with this reason. */
  public static class InvalidSignatureException extends RuntimeException {
    public InvalidSignatureException(String message) {
      super(message);
    }
  }

  public enum Result {
    APPLIED,
    UNMATCHED
  }

  private final JdbcTemplate jdbc;

  SignedCallbacks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Throws {@link InvalidSignatureException} unless the body was signed with the secret, recently.
   */
  public void verify(String secret, String timestamp, String signature, byte[] body) {
    if (secret == null || secret.isBlank()) {
      // the caller is not told whether a secret is set (review L8): the same answer as a wrong
      // signature
      log.warn("Callback refused: no callback secret is configured for this provider");
      throw new InvalidSignatureException(INVALID);
    }
    if (timestamp == null || signature == null) {
      throw new InvalidSignatureException(
          "Missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER + " header");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw new InvalidSignatureException(TIMESTAMP_HEADER + " must be epoch seconds");
    }
    // compared as numbers: any long is an answer, never an exception (review L5:
    // 9223372036854775807 was a 500)
    long now = Instant.now().getEpochSecond();
    if (seconds < now - TOLERANCE.toSeconds() || seconds > now + TOLERANCE.toSeconds()) {
      throw new InvalidSignatureException(
          "Signature timestamp is outside the accepted window of "
              + TOLERANCE.toMinutes()
              + " minutes");
    }
    byte[] expected = sign(secret, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new InvalidSignatureException(INVALID);
    }
  }

  /**
   * {@code sha256=<hex>} of HMAC-SHA256(secret, timestamp + "." + body): what a sender puts in the
   * header.
   */
  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What was done with this event the first time, if it was seen before. */
  public Optional<Result> seen(String source, String eventId) {
    return jdbc
        .queryForList(
            "select result from callback_event where source = ? and event_id = ?",
            String.class,
            source,
            eventId)
        .stream()
        .findFirst()
        .map(Result::valueOf);
  }

  /**
   * Records the event in the caller's transaction. A concurrent delivery of the same event loses
   * the race here: its transaction fails on the primary key and nothing of it is applied.
   *
   * @return false when the event was already recorded
   */
  public boolean remember(String source, String eventId, byte[] body, Result result) {
    return remember(source, eventId, body, result, null);
  }

  /**
   * As {@link #remember(String, String, byte[], Result)}, with the key an UNMATCHED event waits for
   * (the tracking number, the provider's mission id): {@link #waitingFor} finds it when that key
   * gets recorded.
   */
  public boolean remember(
      String source, String eventId, byte[] body, Result result, String matchKey) {
    try {
      jdbc.update(
          "insert into callback_event (source, event_id, payload_sha256, received_at, result, payload, match_key)"
              + " values (?, ?, ?, ?, ?, ?, ?)",
          source,
          eventId,
          Sha256.hex(body),
          Timestamp.from(CaseClock.now()),
          result.name(),
          truncate(new String(body, StandardCharsets.UTF_8), MAX_PAYLOAD),
          matchKey == null ? null : truncate(matchKey, 128));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** A kept event, as received. */
  public record Kept(String eventId, byte[] payload) {}

  /**
   * The events of this source kept UNMATCHED while they waited for {@code matchKey}, oldest first.
   * A payload cut at storage (over {@value #MAX_PAYLOAD} characters) is not listed: it cannot be
   * read back whole.
   */
  public List<Kept> waitingFor(String source, String matchKey) {
    return jdbc
        .query(
            "select event_id, payload, payload_sha256 from callback_event where source = ? and match_key = ? and result = ?"
                + " order by received_at, event_id",
            (rs, i) -> {
              byte[] payload =
                  rs.getString(2) == null
                      ? new byte[0]
                      : rs.getString(2).getBytes(StandardCharsets.UTF_8);
              return Sha256.hex(payload).equals(rs.getString(3))
                  ? new Kept(rs.getString(1), payload)
                  : null;
            },
            source,
            matchKey,
            Result.UNMATCHED.name())
        .stream()
        .filter(k -> k != null)
        .toList();
  }

  /**
   * Marks a kept event APPLIED, in the caller's transaction (with its effects). Only one caller
   * wins: a second one, concurrent or later, gets false and must apply nothing.
   */
  public boolean markApplied(String source, String eventId) {
    return jdbc.update(
            "update callback_event set result = ? where source = ? and event_id = ? and result = ?",
            Result.APPLIED.name(),
            source,
            eventId,
            Result.UNMATCHED.name())
        == 1;
  }

  private static final int MAX_PAYLOAD = 8000;

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
