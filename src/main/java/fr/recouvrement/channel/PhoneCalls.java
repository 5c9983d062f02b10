package fr.recouvrement.channel;

import fr.recouvrement.kernel.time.CaseClock;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A collector's call, written in the {@code communication} table the channel package owns: it
 * counts toward the contact policy and shows in the case's history like a message sent.
 */
@Repository
public class PhoneCalls {
  private final JdbcTemplate jdbc;

  PhoneCalls(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the call once per idempotency key; the outcome is the row's status, the collector its
   * provider id.
   */
  public void record(
      long caseId, String idempotencyKey, String recipient, String outcome, String by) {
    jdbc.update(
        """
        insert into communication (case_id, idempotency_key, channel, recipient, template, status, provider_id, created_at, sent_at)
        values (?, ?, 'PHONE_CALL', ?, 'appel', ?, ?, ?, ?)
        """,
        caseId,
        idempotencyKey,
        recipient,
        outcome,
        by,
        Timestamp.from(CaseClock.now()),
        Timestamp.from(CaseClock.now()));
  }
}
