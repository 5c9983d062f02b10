package fr.recouvrement.cases;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies for tests; each debtor id is new, so tests sharing one database never collide. */
public final class CaseFixtures {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

  private CaseFixtures() {}

  public static String newDebtorId() {
    return "T-" + RUN + "-" + SEQ.incrementAndGet();
  }

  public static String businessCase(
      String debtorId, String invoiceNumber, String amount, LocalDate due) {
    return caseJson(
        debtorId,
        "BUSINESS",
        "\"siren\": \"552100554\",",
        invoice(invoiceNumber, due.minusDays(30), due, amount));
  }

  public static String consumerCase(
      String debtorId, String invoiceNumber, String amount, LocalDate due) {
    return caseJson(
        debtorId, "CONSUMER", "", invoice(invoiceNumber, due.minusDays(30), due, amount));
  }

  public static String caseJson(
      String debtorId, String type, String extraDebtorFields, String... invoices) {
    return """
        {"debtor": {"externalId": "%s", "type": "%s", "name": "Boulangerie Martin SARL", %s
                    "email": "compta@martin.example", "phone": "+33612345678",
                    "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}},
         "invoices": [%s]}
        """
        .formatted(debtorId, type, extraDebtorFields, String.join(",", invoices));
  }

  public static String invoice(String number, LocalDate issue, LocalDate due, String amount) {
    return """
        {"number": "%s", "issueDate": "%s", "dueDate": "%s", "amount": %s}"""
        .formatted(number, issue, due, amount);
  }

  public static String payment(String amount, LocalDate date, String reference) {
    return """
        {"amount": %s, "date": "%s", "reference": "%s"}"""
        .formatted(amount, date, reference);
  }
}
