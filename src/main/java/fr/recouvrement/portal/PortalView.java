package fr.recouvrement.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the debtor's page shows, already in French. Only this case's figures: it is built from the
 * case the token opens, never from anything the request names.
 */
record PortalView(
    String creditorName,
    String creditorAddress,
    String creditorEmail,
    String creditorPhone,
    String reference,
    String debtorName,
    boolean consumer,
    boolean closed,
    List<Invoice> invoices,
    List<Charge> charges,
    BigDecimal total,
    BigDecimal payable,
    String iban,
    String epcQr,
    List<Message> messages,
    Mediator mediator,
    List<Done> done) {

  /** An unpaid invoice; {@code outstanding} is its unpaid principal. */
  record Invoice(
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal amount,
      BigDecimal outstanding,
      boolean disputed) {}

  /** A charge added to the invoices, with one line saying why and the article that allows it. */
  record Charge(String label, BigDecimal amount, String explanation, String article) {}

  /** A message sent to the debtor. */
  record Message(LocalDate date, String channel, String subject) {}

  record Mediator(String name, String address, String website) {}

  /**
   * What the debtor already did here (so a second visit shows it, and a double submit is
   * explained).
   */
  record Done(LocalDate date, String what) {}
}
