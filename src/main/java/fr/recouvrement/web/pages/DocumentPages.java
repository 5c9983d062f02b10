package fr.recouvrement.web.pages;

import fr.recouvrement.channel.DocumentStore;
import fr.recouvrement.kernel.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A stored document opened from a case page, within the page's session (the same bytes as {@code
 * GET /api/documents/{id}}, which asks a browser for HTTP Basic): served only while it still
 * matches the SHA-256 recorded when it was made, with that hash in {@code X-Content-SHA256}.
 */
@Controller
@RequestMapping("/app/documents")
class DocumentPages {
  private final DocumentStore documents;

  DocumentPages(DocumentStore documents) {
    this.documents = documents;
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> document(@PathVariable long id) {
    Optional<DocumentStore.Document> found = documents.find(id);
    if (found.isEmpty()) {
      return text(HttpStatus.NOT_FOUND, "Document " + id + " inconnu.");
    }
    DocumentStore.Document d = found.get();
    Optional<byte[]> stored = documents.storedBytes(d);
    if (stored.isEmpty()) {
      return text(
          HttpStatus.CONFLICT,
          "Le fichier du document " + id + " a disparu : il ne peut pas être servi.");
    }
    if (!Sha256.hex(stored.get()).equals(d.sha256())) {
      return text(
          HttpStatus.CONFLICT,
          "Le document "
              + id
              + " ne correspond plus à l'empreinte SHA-256 enregistrée à son envoi : il n'est pas servi.");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.contentType()))
        .header("X-Content-SHA256", d.sha256())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(d.fileName()).build().toString())
        .body(stored.get());
  }

  private static ResponseEntity<byte[]> text(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(message.getBytes(StandardCharsets.UTF_8));
  }
}
