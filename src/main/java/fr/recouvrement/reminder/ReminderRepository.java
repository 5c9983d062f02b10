package fr.recouvrement.reminder;

import fr.recouvrement.cases.CaseUpdates;
import fr.recouvrement.channel.ContactPolicy.ContactHistory;
import fr.recouvrement.channel.PhoneCalls;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.kernel.time.Territory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the amicable stage reads and writes beside the case itself. */
@Repository
public class ReminderRepository {
  private final JdbcTemplate jdbc;

  private final CaseUpdates cases;
  private final PhoneCalls calls;

  ReminderRepository(JdbcTemplate jdbc, CaseUpdates cases, PhoneCalls calls) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.calls = calls;
  }

  /** The facts a reminder step needs, read fresh at each step. */
  public record CaseFacts(
      long caseId,
      long debtorId,
      String debtorType,
      String debtorName,
      String debtorPhone,
      boolean hasEmail,
      boolean hasPhone,
      boolean hasAddress,
      String segment,
      LocalDate oldestDueDate,
      // where the debtor lives: its local clock and public holidays for contact hours
      Territory territory) {

    /** Days since the oldest unpaid, undisputed due date (negative before it); 0 when none. */
    public int daysOverdue(LocalDate today) {
      return oldestDueDate == null
          ? 0
          : (int) java.time.temporal.ChronoUnit.DAYS.between(oldestDueDate, today);
    }
  }

  public CaseFacts facts(String reference) {
    return jdbc.queryForObject(
        """
        select c.id as case_id, d.id as debtor_id, d.type, d.name, d.email, d.phone, d.phone_invalid, d.address_line1,
               d.postal_code, d.city, d.country, c.segment,
               (select min(i.due_date) from invoice i where i.case_id = c.id and i.paid_amount + i.credited_amount < i.amount
                  and not exists (select 1 from dispute_invoice di where di.open_invoice_id = i.id)) as oldest_due
        from collection_case c join debtor d on d.id = c.debtor_id
        where c.reference = ?
        """,
        (rs, n) ->
            new CaseFacts(
                rs.getLong("case_id"),
                rs.getLong("debtor_id"),
                rs.getString("type"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("email") != null,
                rs.getString("phone") != null && !rs.getBoolean("phone_invalid"),
                rs.getString("address_line1") != null
                    && rs.getString("postal_code") != null
                    && rs.getString("city") != null,
                rs.getString("segment"),
                rs.getObject("oldest_due", LocalDate.class),
                Territory.of(rs.getString("country"), rs.getString("postal_code"))),
        reference);
  }

  ContactHistory contactHistory(long caseId, Instant since) {
    List<Instant> contacts =
        jdbc.query(
            "select coalesce(sent_at, created_at) as at from communication where case_id = ? and created_at >= ? and status <> 'FAILED'",
            (rs, n) -> rs.getTimestamp("at").toInstant(),
            caseId,
            Timestamp.from(since));
    List<Instant> calls =
        jdbc.query(
            "select created_at from communication where case_id = ? and channel = 'PHONE_CALL' and created_at >= ?",
            (rs, n) -> rs.getTimestamp("created_at").toInstant(),
            caseId,
            Timestamp.from(since));
    return new ContactHistory(contacts, calls);
  }

  Optional<Instant> lastContact(long caseId) {
    Timestamp last =
        jdbc.queryForObject(
            "select max(coalesce(sent_at, created_at)) from communication where case_id = ? and status <> 'FAILED'",
            Timestamp.class,
            caseId);
    return Optional.ofNullable(last).map(Timestamp::toInstant);
  }

  /**
   * The debtor's record over the last 12 months: invoices paid late (with how late), unpaid ones of
   * earlier cases, broken promises. The current case's unpaid invoices are what is being collected,
   * not history: they do not count against the debtor.
   */
  public record PaymentHistory(int latePayments, double averageDelayDays, int brokenPromises) {}

  public PaymentHistory paymentHistory(long debtorId, long currentCaseId, LocalDate today) {
    LocalDate since = today.minusMonths(12);
    List<Long> delays =
        jdbc.query(
            """
            select i.due_date, i.amount, i.paid_amount + i.credited_amount as paid_amount,
                   (select max(p.paid_on) from payment p where p.case_id = i.case_id) as last_paid_on
            from invoice i
            where i.debtor_id = ? and i.due_date >= ? and i.due_date < ?
              and (i.case_id <> ? or i.paid_amount + i.credited_amount >= i.amount)
            """,
            (rs, n) -> {
              LocalDate due = rs.getObject("due_date", LocalDate.class);
              boolean settled =
                  rs.getBigDecimal("paid_amount").compareTo(rs.getBigDecimal("amount")) >= 0;
              LocalDate lastPaid = rs.getObject("last_paid_on", LocalDate.class);
              LocalDate end = settled && lastPaid != null ? lastPaid : today;
              return ChronoUnit.DAYS.between(due, end);
            },
            debtorId,
            since,
            today,
            currentCaseId);
    List<Long> late = delays.stream().filter(d -> d > 0).toList();
    double average = late.stream().mapToLong(Long::longValue).average().orElse(0);
    Integer broken =
        jdbc.queryForObject(
            """
            select count(*) from promise p join collection_case c on c.id = p.case_id
            where c.debtor_id = ? and p.status = 'BROKEN' and p.promised_on >= ?
            """,
            Integer.class,
            debtorId,
            since);
    return new PaymentHistory(
        late.size(), Math.round(average * 10) / 10.0, broken == null ? 0 : broken);
  }

  void setSegment(String reference, String segment) {
    cases.setSegment(reference, segment);
  }

  void markPhoneInvalid(long debtorId) {
    cases.markPhoneInvalid(debtorId);
  }

  void recordAcknowledgement(String reference, LocalDate on) {
    cases.recordAcknowledgement(reference, on);
  }

  void recordCall(long caseId, String key, String recipient, String outcome, String by) {
    calls.record(caseId, key, recipient, outcome, by);
  }

  boolean communicationExists(String key) {
    return jdbc.queryForObject(
            "select count(*) from communication where idempotency_key = ?", Integer.class, key)
        > 0;
  }

  String phoneOf(long debtorId) {
    return jdbc.queryForObject("select phone from debtor where id = ?", String.class, debtorId);
  }

  long insertPromise(long caseId, LocalDate promisedOn, BigDecimal amount, String by) {
    jdbc.update(
        "insert into promise (case_id, promised_on, amount, status, recorded_at, recorded_by) values (?, ?, ?, 'PENDING', ?, ?)",
        caseId,
        promisedOn,
        amount,
        Timestamp.from(CaseClock.now()),
        by);
    return jdbc.queryForObject(
        "select max(id) from promise where case_id = ? and promised_on = ?",
        Long.class,
        caseId,
        promisedOn);
  }

  record PromiseRow(
      long id, long caseId, LocalDate promisedOn, BigDecimal amount, Instant recordedAt) {}

  PromiseRow promise(long id) {
    return jdbc.queryForObject(
        "select * from promise where id = ?",
        (rs, n) ->
            new PromiseRow(
                rs.getLong("id"),
                rs.getLong("case_id"),
                rs.getObject("promised_on", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getTimestamp("recorded_at").toInstant()),
        id);
  }

  BigDecimal paidSince(long caseId, Instant since) {
    return jdbc.queryForObject(
        "select coalesce(sum(amount), 0) from payment where case_id = ? and recorded_at >= ?",
        BigDecimal.class,
        caseId,
        Timestamp.from(since));
  }

  void settlePromise(long id, boolean kept) {
    jdbc.update(
        "update promise set status = ?, checked_at = ? where id = ?",
        kept ? "KEPT" : "BROKEN",
        Timestamp.from(CaseClock.now()),
        id);
  }
}
