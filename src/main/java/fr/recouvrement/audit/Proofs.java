package fr.recouvrement.audit;

import fr.recouvrement.audit.AuditRecords.Communication;
import fr.recouvrement.channel.DocumentStore;
import fr.recouvrement.channel.DocumentStore.Document;
import fr.recouvrement.kernel.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether what we keep of a document or a communication is still what was hashed when it was made
 * or sent. Never throws for a changed or vanished content: that is the answer, said in {@code
 * problem}.
 */
@Component
class Proofs {
  private final DocumentStore documents;
  private final AuditRecords records;

  Proofs(DocumentStore documents, AuditRecords records) {
    this.documents = documents;
    this.records = records;
  }

  record Verification(
      long id, String recordedSha256, String storedSha256, boolean matches, String problem) {
    static Verification of(long id, String recorded, String stored, String problemWhenDifferent) {
      boolean matches = recorded != null && recorded.equals(stored);
      return new Verification(id, recorded, stored, matches, matches ? null : problemWhenDifferent);
    }
  }

  Verification verify(Document document) {
    Optional<byte[]> stored = documents.storedBytes(document);
    if (stored.isEmpty()) {
      return new Verification(
          document.id(),
          document.sha256(),
          null,
          false,
          "Le fichier a disparu : "
              + document.storagePath()
              + " n'existe plus dans le répertoire de données.");
    }
    return Verification.of(
        document.id(),
        document.sha256(),
        Sha256.hex(stored.get()),
        "Le fichier a été modifié depuis son enregistrement : son empreinte SHA-256 n'est plus celle enregistrée.");
  }

  Verification verify(Communication c) {
    if (c.contentSha256() == null) {
      return new Verification(
          c.id(),
          null,
          null,
          false,
          "Aucune empreinte enregistrée pour cette communication (" + c.channel() + ").");
    }
    if ("LETTER".equals(c.channel())) {
      Optional<Document> letter = records.letterDocument(c).flatMap(documents::find);
      if (letter.isEmpty()) {
        return new Verification(
            c.id(),
            c.contentSha256(),
            null,
            false,
            "Le courrier envoyé n'est lié à aucun document conservé.");
      }
      Verification file = verify(letter.get());
      String stored = file.storedSha256();
      String problem =
          file.problem() != null
              ? "Courrier (document " + letter.get().id() + ") : " + file.problem()
              : "Le document lié n'a pas l'empreinte enregistrée à l'envoi du courrier.";
      return Verification.of(c.id(), c.contentSha256(), stored, problem);
    }
    if (c.content() == null) {
      return new Verification(
          c.id(),
          c.contentSha256(),
          null,
          false,
          "Le contenu envoyé n'a pas été conservé (communication antérieure à la conservation des contenus).");
    }
    return Verification.of(
        c.id(),
        c.contentSha256(),
        Sha256.hex(c.content().getBytes(StandardCharsets.UTF_8)),
        "Le contenu conservé a été modifié : son empreinte SHA-256 n'est plus celle enregistrée à l'envoi.");
  }
}
