package fr.recouvrement.audit;

import fr.recouvrement.audit.AuditRecords.Communication;
import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.channel.DocumentStore;
import fr.recouvrement.channel.DocumentStore.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Every proof a case holds, checked now: each message sent (email, SMS, letter) and each stored
 * document, with the hash recorded when it was made or sent, the hash of what we keep today, and
 * whether they match. For the auditors' proofs page; the API checks one at a time.
 */
@Service
public class CaseProofs {
  private final AuditRecords records;
  private final DocumentStore documents;
  private final Proofs proofs;

  CaseProofs(AuditRecords records, DocumentStore documents, Proofs proofs) {
    this.records = records;
    this.documents = documents;
    this.proofs = proofs;
  }

  /**
   * One proof: {@code kind} is {@code COMMUNICATION} or {@code DOCUMENT}; {@code what} the channel
   * (EMAIL, SMS, LETTER) or the document kind; {@code href} where the content is read.
   */
  public record Proof(
      String kind,
      long id,
      String what,
      String name,
      Instant at,
      String status,
      String recordedSha256,
      String recomputedSha256,
      boolean matches,
      String problem,
      String href) {}

  public List<Proof> of(String reference) {
    AuditRecords.CaseRef found =
        records.findCase(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    List<Proof> all = new ArrayList<>();
    for (Communication c : records.communications(found.id())) {
      Proofs.Verification v = proofs.verify(c);
      all.add(
          new Proof(
              "COMMUNICATION",
              c.id(),
              c.channel(),
              c.template(),
              c.sentAt() != null ? c.sentAt() : c.createdAt(),
              c.status(),
              v.recordedSha256(),
              v.storedSha256(),
              v.matches(),
              v.problem(),
              "/app/communications/" + c.id()));
    }
    for (Document d : documents.ofCase(reference)) {
      Proofs.Verification v = proofs.verify(d);
      all.add(
          new Proof(
              "DOCUMENT",
              d.id(),
              d.kind(),
              d.fileName(),
              d.createdAt(),
              null,
              v.recordedSha256(),
              v.storedSha256(),
              v.matches(),
              v.problem(),
              "/app/documents/" + d.id()));
    }
    all.sort(Comparator.comparing(Proof::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return all;
  }

  /**
   * A message as the debtor received it: the text kept of an email or an SMS (exactly the bytes
   * hashed when it was sent), or the letter's document; with its proof checked now.
   */
  public record Message(
      long id,
      String caseReference,
      String channel,
      String recipient,
      String template,
      String status,
      Instant createdAt,
      Instant sentAt,
      String providerId,
      String error,
      String content,
      Long documentId,
      Proof proof) {}

  public Optional<Message> message(long id) {
    return records
        .communication(id)
        .map(
            c -> {
              Proofs.Verification v = proofs.verify(c);
              Long documentId = records.letterDocument(c).orElse(null);
              Proof proof =
                  new Proof(
                      "COMMUNICATION",
                      c.id(),
                      c.channel(),
                      c.template(),
                      c.sentAt() != null ? c.sentAt() : c.createdAt(),
                      c.status(),
                      v.recordedSha256(),
                      v.storedSha256(),
                      v.matches(),
                      v.problem(),
                      "/app/communications/" + c.id());
              return new Message(
                  c.id(),
                  c.caseReference(),
                  c.channel(),
                  c.recipient(),
                  c.template(),
                  c.status(),
                  c.createdAt(),
                  c.sentAt(),
                  c.providerId(),
                  c.error(),
                  c.content(),
                  documentId,
                  proof);
            });
  }
}
