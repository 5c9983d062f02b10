package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells the debtor, by email, why its dispute was rejected ({@code email/contestation-rejetee}),
 * once per process step, traced in {@code communication} like every reminder.
 */
@Component
public class DisputeRejectionEmail {
  static final String TEMPLATE = "contestation-rejetee";

  private final CaseService cases;
  private final CaseEmails emails;

  DisputeRejectionEmail(CaseService cases, CaseEmails emails) {
    this.cases = cases;
    this.emails = emails;
  }

  /**
   * Sends the reason; empty when the debtor has no email address (the reason stays recorded on the
   * dispute for a collector to pass on another way).
   */
  public Optional<CommunicationStatus> send(String caseReference, String idempotencyKey, List<String> invoiceNumbers, String reason) {
    String to = cases.get(caseReference).debtor().email();
    if (to == null || to.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(emails.send(caseReference, idempotencyKey, TEMPLATE,
        Map.of("invoices", String.join(", ", invoiceNumbers), "reason", reason == null ? "" : reason)));
  }
}
