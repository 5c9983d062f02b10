package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.kernel.time.CaseClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the debtor why its dispute was rejected: by email ({@code email/contestation-rejetee}), or
 * by letter ({@code letter/contestation-rejetee}) when it has no email address; once per process
 * step, traced in {@code communication} like every reminder. To a consumer both name the creditor's
 * consumer mediator ({@code recouvrement.creditor.mediator.*}): a professional who rejects a
 * consumer's complaint must give the mediator's details (C. consom. L616-1); only the consumer may
 * refer the dispute to the mediator.
 */
@Component
public class DisputeRejectionEmail {
  static final String TEMPLATE = "contestation-rejetee";
  static final String KIND = "DISPUTE_REJECTION";
  private static final Logger log = LoggerFactory.getLogger(DisputeRejectionEmail.class);

  private final CaseService cases;
  private final CaseEmails emails;
  private final CaseLetters letters;
  private final CreditorSettings creditor;
  private final TransactionTemplate ownTransaction;

  DisputeRejectionEmail(
      CaseService cases,
      CaseEmails emails,
      CaseLetters letters,
      CreditorSettings creditor,
      PlatformTransactionManager transactions) {
    this.cases = cases;
    this.emails = emails;
    this.letters = letters;
    this.creditor = creditor;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The rejection letter: stored, and posted when a postal provider is connected (else a collector
   * posts it).
   */
  public record Letter(long documentId, boolean posted) {}

  /** Sends the reason; empty when the debtor has no email address (then send {@link #letter}). */
  public Optional<CommunicationStatus> send(
      String caseReference, String idempotencyKey, List<String> invoiceNumbers, String reason) {
    CaseView view = cases.get(caseReference);
    String to = view.debtor().email();
    if (to == null || to.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        emails.send(
            caseReference, idempotencyKey, TEMPLATE, content(view, invoiceNumbers, reason)));
  }

  /**
   * Writes the rejection letter once per key and posts it (simple letter) when a provider is
   * connected.
   */
  public Letter letter(
      String caseReference, String idempotencyKey, List<String> invoiceNumbers, String reason) {
    CaseView view = cases.get(caseReference);
    ReminderLetters.requireAddress(view);
    Map<String, Object> m = content(view, invoiceNumbers, reason);
    m.put("reference", view.reference());
    m.put("debtor", view.debtor());
    m.put("creditor", creditor);
    m.put("business", view.debtor().type() == DebtorType.BUSINESS);
    m.put("today", CaseClock.today());
    // stored and committed before it is posted (the post is traced in its own transaction, which
    // must see the document); a retried step finds it by its key
    DocumentStore.Document document =
        ownTransaction.execute(
            status ->
                letters.prepare(caseReference, idempotencyKey, KIND, TEMPLATE, Map.of("m", m)));
    if (!letters.postalProviderConfigured()) {
      return new Letter(document.id(), false);
    }
    letters.post(caseReference, idempotencyKey, document.id(), false);
    return new Letter(document.id(), true);
  }

  /**
   * The consumer mediator the answer names: to a consumer only (L616-1), when the creditor has set
   * one.
   */
  public CreditorSettings.Mediator mediatorFor(CaseView view) {
    if (view.debtor().type() != DebtorType.CONSUMER) {
      return null;
    }
    CreditorSettings.Mediator mediator = creditor.consumerMediator();
    if (mediator == null) {
      log.warn(
          "Case {}: a consumer's dispute is rejected but recouvrement.creditor.mediator.name is not set:"
              + " the answer cannot name the consumer mediator (C. consom. L616-1)",
          view.reference());
    }
    return mediator;
  }

  private Map<String, Object> content(CaseView view, List<String> invoiceNumbers, String reason) {
    Map<String, Object> m = new HashMap<>();
    m.put("invoices", String.join(", ", invoiceNumbers));
    m.put("reason", reason == null ? "" : reason);
    m.put("mediator", mediatorFor(view));
    return m;
  }
}
