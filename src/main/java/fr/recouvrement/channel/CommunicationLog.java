package fr.recouvrement.channel;

import fr.recouvrement.kernel.hash.Sha256;
import fr.recouvrement.kernel.time.CaseClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code communication} table, used so that a process step delivers at most once.
 *
 * <p>Each step has an idempotency key. Before the provider is called, the row is written PENDING in
 * its own committed transaction (REQUIRES_NEW), and after the call it is updated, again in its own
 * transaction, to SENT (with the provider's id), DRY_RUN or FAILED. The updates do not depend on
 * the job's transaction: if the job later rolls back (an optimistic-locking conflict, a crash in
 * the next step), the row still says SENT and the retried job skips the send.
 *
 * <p>Two executions of the same step at once (the job executor and a « Retry » in Cockpit, two
 * nodes after a job lock expired) must not both send: the PENDING row carries a lease (an owner and
 * an expiry, {@code recouvrement.delivery.lease}, longer than any provider's timeout). An attempt
 * that finds a live lease of another owner does not send: it throws {@link
 * DeliveryInFlightException}, its job fails and is retried later, when the row says SENT (nothing
 * to do) or the lease has expired. The lease is wall-clock time, not the engine's clock, which
 * tests and drills move.
 *
 * <p>The window that remains: the provider accepted the message, then the JVM died (or the update
 * failed) before the row said SENT. Once the lease has expired, the retried job finds PENDING,
 * cannot tell whether the provider got it, and sends again: at-least-once in that window, which
 * lasts as long as one provider call. The same holds when a call timed out after the provider had
 * accepted it (the row says FAILED). The postal API receives the key as its client reference so
 * that the provider can drop the duplicate; SMTP and Twilio have no such key. Closing the window
 * entirely would need the provider to take part, so we prefer a rare duplicate reminder over a
 * silently lost one.
 */
@Component
class CommunicationLog {
  private static final Logger log = LoggerFactory.getLogger(CommunicationLog.class);
  private static final int MAX_ERROR = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Duration lease;
  private final MeterRegistry meters;

  /**
   * Communications by channel and outcome (sent, dry_run, failed), each delivery attempt counted
   * once.
   */
  static final String COMMUNICATIONS = "recouvrement.communications";

  CommunicationLog(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      @Value("${recouvrement.delivery.lease:PT5M}") Duration lease,
      MeterRegistry meters) {
    this.meters = meters;
    // every series exists from the start at 0, so that rate() and alerts see the first send
    for (Channel channel : Channel.values()) {
      for (CommunicationStatus outcome :
          List.of(
              CommunicationStatus.SENT, CommunicationStatus.DRY_RUN, CommunicationStatus.FAILED)) {
        counter(channel, outcome);
      }
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException(
          "recouvrement.delivery.lease must be positive, not " + lease);
    }
    this.jdbc = jdbc;
    this.lease = lease;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * What is about to be sent. {@code contentSha256} is the hash of exactly what goes out: the UTF-8
   * bytes of {@code content} (an email, an SMS), kept so that an auditor can check it later, or the
   * stored letter {@code documentId}.
   */
  record Outgoing(
      String idempotencyKey,
      String caseReference,
      Channel channel,
      String recipient,
      String template,
      String contentSha256,
      String content,
      Long documentId) {

    /** An email or an SMS: the hash is computed here from the very text that is kept. */
    static Outgoing text(
        String idempotencyKey,
        String caseReference,
        Channel channel,
        String recipient,
        String template,
        String content) {
      return new Outgoing(
          idempotencyKey,
          caseReference,
          channel,
          recipient,
          template,
          Sha256.hex(content.getBytes(StandardCharsets.UTF_8)),
          content,
          null);
    }

    /** A letter: its content is the stored document, whose hash it carries. */
    static Outgoing letter(
        String idempotencyKey,
        String caseReference,
        String recipient,
        DocumentStore.Document document) {
      return new Outgoing(
          idempotencyKey,
          caseReference,
          Channel.LETTER,
          recipient,
          document.template(),
          document.sha256(),
          null,
          document.id());
    }
  }

  record Entry(
      long id,
      String idempotencyKey,
      Channel channel,
      String recipient,
      String template,
      String contentSha256,
      CommunicationStatus status,
      String providerId,
      String error) {}

  /**
   * Delivers once: records the attempt, calls {@code send} unless the key is already SENT or
   * DRY_RUN, and records the outcome. A failure is recorded FAILED and rethrown, so that the job
   * retries and ends as an incident.
   */
  Entry deliverOnce(Outgoing outgoing, Supplier<Delivery> send) {
    String owner = UUID.randomUUID().toString();
    Entry attempt = begin(outgoing, owner);
    if (attempt.status().done()) {
      log.info(
          "{} {} already {}: not sent again",
          outgoing.channel(),
          outgoing.idempotencyKey(),
          attempt.status());
      return attempt;
    }
    Delivery delivery;
    try {
      delivery = send.get();
    } catch (RuntimeException e) {
      failed(attempt.id(), e);
      count(outgoing.channel(), CommunicationStatus.FAILED);
      throw e;
    }
    Entry done = finish(attempt, delivery);
    count(outgoing.channel(), done.status());
    return done;
  }

  private void count(Channel channel, CommunicationStatus outcome) {
    counter(channel, outcome).increment();
  }

  private Counter counter(Channel channel, CommunicationStatus outcome) {
    return Counter.builder(COMMUNICATIONS)
        .description("Reminders and other communications by channel and outcome")
        .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
        .register(meters);
  }

  Optional<Entry> find(String idempotencyKey) {
    return jdbc
        .query(SELECT + " where idempotency_key = ?", CommunicationLog::entry, idempotencyKey)
        .stream()
        .findFirst();
  }

  /** The case's emails, SMS and letters (phone calls share the table with outcomes as status). */
  List<Entry> ofCase(String caseReference) {
    return jdbc.query(
        SELECT
            + " where case_id = (select id from collection_case where reference = ?)"
            + " and channel in ('EMAIL', 'SMS', 'LETTER') order by created_at, id",
        CommunicationLog::entry,
        caseReference);
  }

  /** Writes the PENDING row, or returns the existing one (set back to PENDING if it FAILED). */
  private Entry begin(Outgoing o, String owner) {
    try {
      return ownTransaction.execute(status -> beginIn(o, owner));
    } catch (DuplicateKeyException concurrent) {
      // another executor of the same step inserted first (a failed insert spoils a PostgreSQL
      // transaction, hence a fresh one): from here on it is an existing row like any other
      log.warn("Communication {} recorded concurrently", o.idempotencyKey());
      return ownTransaction.execute(status -> beginIn(o, owner));
    }
  }

  private Entry beginIn(Outgoing o, String owner) {
    Instant now = Instant.now();
    Timestamp leaseUntil = Timestamp.from(now.plus(lease));
    Optional<Entry> known = lock(o.idempotencyKey());
    if (known.isEmpty()) {
      Object[] values = {
        o.idempotencyKey(),
        o.channel().name(),
        o.recipient(),
        o.template(),
        o.contentSha256(),
        o.content(),
        o.documentId(),
        CommunicationStatus.PENDING.name(),
        Timestamp.from(CaseClock.now()),
        owner,
        leaseUntil,
        o.caseReference()
      };
      org.springframework.jdbc.support.KeyHolder id =
          new org.springframework.jdbc.support.GeneratedKeyHolder();
      int inserted =
          jdbc.update(
              connection -> {
                var insert =
                    connection.prepareStatement(
                        "insert into communication (case_id, idempotency_key, channel, recipient, template, content_sha256,"
                            + " content, document_id, status, created_at, lease_owner, lease_until)"
                            + " select id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from collection_case where reference = ?",
                        new String[] {"id"});
                new org.springframework.jdbc.core.ArgumentPreparedStatementSetter(values)
                    .setValues(insert);
                return insert;
              },
              id);
      if (inserted != 1) {
        throw new IllegalStateException(
            "No case " + o.caseReference() + " to record a communication on");
      }
      // the row as just written, without reading it back (one round trip less per delivery; the
      // insert holds its lock until the commit as the read did)
      return new Entry(
          id.getKeyAs(Number.class).longValue(),
          o.idempotencyKey(),
          o.channel(),
          o.recipient(),
          o.template(),
          o.contentSha256(),
          CommunicationStatus.PENDING,
          null,
          null);
    }
    Entry entry = known.get();
    if (entry.status().done()) {
      return entry;
    }
    if (entry.status() == CommunicationStatus.PENDING) {
      Timestamp live =
          jdbc.queryForObject(
              "select lease_until from communication where id = ?", Timestamp.class, entry.id());
      if (live != null && live.toInstant().isAfter(now)) {
        throw new DeliveryInFlightException(o.idempotencyKey(), live.toInstant());
      }
      log.warn(
          "Communication {} was left PENDING by an attempt that did not finish: the provider may have received it;"
              + " sending again",
          o.idempotencyKey());
    }
    // the retry sends what is true now (a payment may have arrived meanwhile): record that
    jdbc.update(
        "update communication set status = ?, error = null, recipient = ?, template = ?, content_sha256 = ?,"
            + " content = ?, document_id = ?, lease_owner = ?, lease_until = ? where id = ?",
        CommunicationStatus.PENDING.name(),
        o.recipient(),
        o.template(),
        o.contentSha256(),
        o.content(),
        o.documentId(),
        owner,
        leaseUntil,
        entry.id());
    return lock(o.idempotencyKey()).orElseThrow();
  }

  private Entry finish(Entry attempt, Delivery delivery) {
    long id = attempt.id();
    CommunicationStatus outcome =
        delivery.delivered() ? CommunicationStatus.SENT : CommunicationStatus.DRY_RUN;
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.update(
                "update communication set status = ?, provider_id = ?, sent_at = ?, error = null, lease_owner = null,"
                    + " lease_until = null where id = ?",
                outcome.name(),
                delivery.providerId(),
                delivery.delivered() ? Timestamp.from(CaseClock.now()) : null,
                id));
    // the row as the update left it, without reading it back
    return new Entry(
        id,
        attempt.idempotencyKey(),
        attempt.channel(),
        attempt.recipient(),
        attempt.template(),
        attempt.contentSha256(),
        outcome,
        delivery.providerId(),
        null);
  }

  private void failed(long id, RuntimeException cause) {
    String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "update communication set status = ?, error = ?, lease_owner = null, lease_until = null where id = ?",
                  CommunicationStatus.FAILED.name(),
                  error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error,
                  id));
    } catch (RuntimeException e) {
      // the row stays PENDING, which a retry also sends again; the delivery error matters more
      cause.addSuppressed(e);
    }
  }

  private Optional<Entry> lock(String key) {
    return jdbc
        .query(SELECT + " where idempotency_key = ? for update", CommunicationLog::entry, key)
        .stream()
        .findFirst();
  }

  private static final String SELECT =
      "select id, idempotency_key, channel, recipient, template, content_sha256, status, provider_id, error from communication";

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(
        rs.getLong("id"),
        rs.getString("idempotency_key"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("recipient"),
        rs.getString("template"),
        rs.getString("content_sha256"),
        CommunicationStatus.valueOf(rs.getString("status")),
        rs.getString("provider_id"),
        rs.getString("error"));
  }
}
