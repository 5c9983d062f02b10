package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.DocumentStore.Document;
import fr.recouvrement.kernel.hash.Sha256;
import fr.recouvrement.kernel.time.CaseClock;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Prepares a reminder letter: {@code templates/letter/<template>.xhtml} rendered to PDF on the
 * creditor's details, stored and recorded once per step (a retry finds and reuses it).
 */
@Component
class ReminderLetters {
  static final String KIND = "REMINDER_LETTER";

  private final CaseService cases;
  private final Templates templates;
  private final PdfRenderer pdf;
  private final DocumentStore documents;
  private final CreditorSettings creditor;

  private final DebtorPageLinks portal;

  ReminderLetters(
      CaseService cases,
      Templates templates,
      PdfRenderer pdf,
      DocumentStore documents,
      CreditorSettings creditor,
      DebtorPageLinks portal) {
    this.portal = portal;
    this.cases = cases;
    this.templates = templates;
    this.pdf = pdf;
    this.documents = documents;
    this.creditor = creditor;
  }

  /** The stored letter of this step; empty when the case owes nothing. */
  Optional<Document> prepare(ReminderStep step) {
    Optional<Document> known = documents.byKey(step.idempotencyKey());
    if (known.isPresent()) {
      return known;
    }
    CaseView view = cases.get(step.caseReference());
    requireAddress(view);
    ReminderModel model = ReminderModel.of(view, step, creditor, CaseClock.today());
    if (model.nothingDue()) {
      return Optional.empty();
    }
    java.util.Map<String, Object> variables = new java.util.HashMap<>(model.variables());
    // the short link and its QR code: the debtor's page from a phone
    portal
        .link(view.reference(), "LETTER " + step.template())
        .ifPresent(l -> variables.put("portal", l));
    byte[] content = pdf.pdf(templates.render("letter/" + step.template() + ".xhtml", variables));
    // named after the step, so that an attempt rolled back after writing the file is overwritten
    String fileName =
        step.template()
            + "-"
            + Sha256.hex(step.idempotencyKey().getBytes(StandardCharsets.UTF_8)).substring(0, 12)
            + ".pdf";
    return Optional.of(
        documents.store(
            step.idempotencyKey(),
            view.reference(),
            KIND,
            step.template(),
            fileName,
            "application/pdf",
            content));
  }

  static CaseView.Address requireAddress(CaseView view) {
    CaseView.Address a = view.debtor().address();
    if (a == null || blank(a.line1()) || blank(a.postalCode()) || blank(a.city())) {
      throw new IllegalStateException(
          "Case %s: debtor %s has no complete postal address (line 1, postal code, city)"
              .formatted(view.reference(), view.debtor().externalId()));
    }
    return a;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
