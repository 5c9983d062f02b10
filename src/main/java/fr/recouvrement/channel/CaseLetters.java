package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.CommunicationLog.Outgoing;
import fr.recouvrement.channel.DocumentStore.Document;
import fr.recouvrement.kernel.format.Formats;
import fr.recouvrement.kernel.hash.Sha256;
import fr.recouvrement.kernel.process.StepKey;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A letter to the debtor of a case that is not a cadence reminder (the formal notice): rendered
 * from {@code templates/letter/<template>.xhtml} to PDF and stored once per idempotency key, posted
 * once through the postal provider, or recorded as posted by a collector; and the acknowledgement
 * of receipt the provider reports for a registered letter.
 */
@Component
public class CaseLetters {
  private final Templates templates;
  private final PdfRenderer pdf;
  private final DocumentStore documents;
  private final LetterPost post;
  private final CommunicationLog communications;
  private final PostalSettings postal;
  private final CreditorSettings creditor;
  private final JdbcTemplate jdbc;
  private final CaseService cases;
  private final ApplicationEventPublisher events;
  private final DebtorPageLinks portal;

  CaseLetters(
      Templates templates,
      PdfRenderer pdf,
      DocumentStore documents,
      LetterPost post,
      CommunicationLog communications,
      PostalSettings postal,
      CreditorSettings creditor,
      JdbcTemplate jdbc,
      CaseService cases,
      ApplicationEventPublisher events,
      DebtorPageLinks portal) {
    this.portal = portal;
    this.events = events;
    this.templates = templates;
    this.pdf = pdf;
    this.documents = documents;
    this.post = post;
    this.communications = communications;
    this.postal = postal;
    this.creditor = creditor;
    this.jdbc = jdbc;
    this.cases = cases;
  }

  /**
   * What a posted letter became: the provider's (or the collector's) tracking number and the
   * status.
   */
  public record Posted(String trackingId, CommunicationStatus status) {}

  /** A communication that received an acknowledgement of receipt. */
  public record Acknowledged(String caseReference, String template, String trackingId) {}

  public boolean postalProviderConfigured() {
    return postal.configured();
  }

  public String postalCallbackSecret() {
    return postal.callbackSecret();
  }

  public CreditorSettings creditor() {
    return creditor;
  }

  /**
   * The PDF of {@code letter/<template>.xhtml}; {@code fmt} (French formats) is added to the
   * variables.
   */
  public byte[] render(String template, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("fmt", Formats.INSTANCE);
    return pdf.pdf(templates.render("letter/" + template + ".xhtml", all));
  }

  /** Renders and stores the letter, or returns the one this key already stored (a retried step). */
  public Document prepare(
      String caseReference,
      String idempotencyKey,
      String kind,
      String template,
      Map<String, Object> variables) {
    String key = StepKey.bounded(idempotencyKey);
    Optional<Document> known = documents.byKey(key);
    if (known.isPresent()) {
      return known.get();
    }
    Map<String, Object> withLink = new HashMap<>(variables);
    if (portal != null) {
      portal.link(caseReference, "LETTER " + template).ifPresent(l -> withLink.put("portal", l));
    }
    byte[] content = render(template, withLink);
    String fileName =
        template + "-" + Sha256.hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12) + ".pdf";
    return documents.store(
        key, caseReference, kind, template, fileName, "application/pdf", content);
  }

  public Optional<Document> documentByKey(String idempotencyKey) {
    return documents.byKey(StepKey.bounded(idempotencyKey));
  }

  public Optional<Document> document(long id) {
    return documents.find(id);
  }

  public byte[] content(Document document) {
    return documents.content(document);
  }

  /** Posts the stored letter once per key (a retry finds it SENT and does not post it again). */
  public Posted post(
      String caseReference, String idempotencyKey, long documentId, boolean registered) {
    String template = documents.find(documentId).map(Document::template).orElse("courrier");
    ReminderStep step =
        new ReminderStep(caseReference, 0, template, null, StepKey.bounded(idempotencyKey));
    CommunicationLog.Entry sent = post.send(step, documentId, registered);
    return new Posted(sent.providerId(), sent.status());
  }

  /**
   * Records a letter a collector printed and posted, with the number of its registered-letter slip,
   * once per key.
   */
  public Posted recordPostedByHand(
      String caseReference, String idempotencyKey, long documentId, String trackingId) {
    Document document =
        documents
            .find(documentId)
            .orElseThrow(() -> new IllegalStateException("No stored document " + documentId));
    CaseView view = cases.get(caseReference);
    CaseView.Address a = ReminderLetters.requireAddress(view);
    String recipient =
        "%s, %s, %s %s".formatted(view.debtor().name(), a.line1(), a.postalCode(), a.city());
    CommunicationLog.Entry entry =
        communications.deliverOnce(
            Outgoing.letter(StepKey.bounded(idempotencyKey), caseReference, recipient, document),
            () -> Delivery.sent(trackingId));
    if (entry.providerId() != null) {
      events.publishEvent(new LetterTracked(entry.providerId()));
    }
    return new Posted(entry.providerId(), entry.status());
  }

  /**
   * Records what the acknowledgement of receipt of the registered letter {@code trackingId} said
   * (SIGNED, REFUSED, NOT_CLAIMED, RETURNED) and when; empty when no letter has that tracking id.
   */
  /**
   * The registered letter of this tracking number, if one was posted: its case, template and when
   * it was posted.
   */
  public Optional<Tracked> tracked(String trackingId) {
    return jdbc
        .query(
            "select c.reference, m.template, m.sent_at from communication m join collection_case c on c.id = m.case_id"
                + " where m.channel = 'LETTER' and m.provider_id = ? order by m.id",
            (rs, i) ->
                new Tracked(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()),
            trackingId)
        .stream()
        .findFirst();
  }

  /** A posted letter known by its tracking number; {@code sentAt} null when not recorded. */
  public record Tracked(String caseReference, String template, java.time.Instant sentAt) {}

  public Optional<Acknowledged> acknowledge(
      String trackingId, String acknowledgement, LocalDate on) {
    List<Acknowledged> letters =
        jdbc.query(
            "select c.reference, m.template, m.provider_id from communication m join collection_case c on c.id = m.case_id"
                + " where m.channel = 'LETTER' and m.provider_id = ?",
            (rs, i) -> new Acknowledged(rs.getString(1), rs.getString(2), rs.getString(3)),
            trackingId);
    if (letters.isEmpty()) {
      return Optional.empty();
    }
    jdbc.update(
        "update communication set acknowledgement = ?, acknowledged_on = ? where channel = 'LETTER' and provider_id = ?",
        acknowledgement,
        Date.valueOf(on),
        trackingId);
    return Optional.of(letters.get(0));
  }
}
