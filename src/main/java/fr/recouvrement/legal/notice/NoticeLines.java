package fr.recouvrement.legal.notice;

import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.money.AmountPursued;
import fr.recouvrement.money.NoticedInvoice;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code formal_notice} and {@code formal_notice_line} rows: which invoices, and how much of
 * each, every formal notice claimed. Only this package writes them; the case's money reads the
 * claimed invoices of the notices already sent, on which a consumer's legal interest runs.
 */
@Repository
public class NoticeLines {
  private final JdbcTemplate jdbc;

  NoticeLines(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A notice as recorded: its id, and the day it was sent (null until then). */
  record Notice(long id, LocalDate writtenOn, LocalDate sentOn, BigDecimal total) {}

  /**
   * Records what the notice of this step claims, once: a retried step finds the notice it recorded
   * and writes nothing more.
   */
  void record(
      long caseId,
      String noticeKey,
      long documentId,
      LocalDate writtenOn,
      AmountPursued.Statement claimed) {
    if (find(noticeKey).isPresent()) {
      return;
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into formal_notice (case_id, notice_key, document_id, written_on, total, recorded_at) values (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setLong(1, caseId);
          ps.setString(2, noticeKey);
          ps.setLong(3, documentId);
          ps.setDate(4, Date.valueOf(writtenOn));
          ps.setBigDecimal(5, claimed.total());
          ps.setTimestamp(6, Timestamp.from(CaseClock.now()));
          return ps;
        },
        key);
    long noticeId = key.getKey().longValue();
    List<Object[]> rows = new ArrayList<>();
    for (AmountPursued.Line l : claimed.lines()) {
      rows.add(
          new Object[] {
            noticeId,
            l.invoiceId(),
            l.principal(),
            l.latePenalty(),
            l.recoveryIndemnity(),
            l.legalInterest(),
            l.total()
          });
    }
    jdbc.batchUpdate(
        """
        insert into formal_notice_line (notice_id, invoice_id, principal, late_penalty, recovery_indemnity, legal_interest, total)
        values (?, ?, ?, ?, ?, ?, ?)
        """,
        rows);
  }

  /**
   * The notice whose letter is {@code documentId} was posted on {@code sentOn}; the first posting
   * date counts, a retried step does not move it.
   */
  void sent(long documentId, LocalDate sentOn) {
    jdbc.update(
        "update formal_notice set sent_on = ? where document_id = ? and sent_on is null",
        Date.valueOf(sentOn),
        documentId);
  }

  Optional<Notice> find(String noticeKey) {
    return jdbc
        .query(
            "select id, written_on, sent_on, total from formal_notice where notice_key = ?",
            (rs, i) ->
                new Notice(
                    rs.getLong(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class),
                    rs.getBigDecimal(4)),
            noticeKey)
        .stream()
        .findFirst();
  }

  /** The invoice numbers a recorded notice claimed, oldest due date first. */
  List<String> invoiceNumbers(String noticeKey) {
    return jdbc.queryForList(
        """
        select i.number from formal_notice n
        join formal_notice_line l on l.notice_id = n.id
        join invoice i on i.id = l.invoice_id
        where n.notice_key = ? order by i.due_date, i.number
        """,
        String.class,
        noticeKey);
  }

  /**
   * Every invoice claimed by a notice of the case already sent, with that notice's date and claimed
   * principal.
   */
  public List<NoticedInvoice> claimedBySentNotices(long caseId) {
    return jdbc.query(
        """
        select l.invoice_id, n.sent_on, l.principal from formal_notice n
        join formal_notice_line l on l.notice_id = n.id
        where n.case_id = ? and n.sent_on is not null
        """,
        (rs, i) ->
            new NoticedInvoice(
                rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)),
        caseId);
  }
}
