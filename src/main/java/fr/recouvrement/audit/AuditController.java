package fr.recouvrement.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.audit.AuditRecords.Communication;
import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.channel.DocumentStore;
import fr.recouvrement.channel.DocumentStore.Document;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an auditor reads: a case's timeline, its documents and communications, and whether each
 * still matches its hash.
 */
@RestController
class AuditController {
  static final String SHA256_HEADER = "X-Content-SHA256";
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final CaseTimeline timeline;
  private final DocumentStore documents;
  private final AuditRecords records;
  private final Proofs proofs;
  private final ObjectMapper json;

  AuditController(
      CaseTimeline timeline,
      DocumentStore documents,
      AuditRecords records,
      Proofs proofs,
      ObjectMapper json) {
    this.timeline = timeline;
    this.documents = documents;
    this.records = records;
    this.proofs = proofs;
    this.json = json;
  }

  @GetMapping("/api/cases/{reference}/timeline")
  ResponseEntity<?> timeline(
      @PathVariable String reference,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String dialect,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean csv = wantsCsv(format, accept);
    boolean rfc4180 = csv && rfc4180(dialect);
    List<TimelineEvent> events = timeline.of(reference);
    if (!csv) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(events);
    }
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(reference + "-timeline.csv")
                .build()
                .toString())
        .body(
            (rfc4180 ? TimelineCsv.write(events, json) : TimelineCsv.writeFrench(events))
                .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * French Excel by default ({@code ;}, BOM, French headers, Paris time); {@code dialect=rfc4180}
   * for programs.
   */
  private static boolean rfc4180(String dialect) {
    if (dialect == null || dialect.isBlank()) {
      return false;
    }
    return switch (dialect.trim().toLowerCase()) {
      case "rfc4180" -> true;
      case "excel-fr" -> false;
      default ->
          throw new InvalidRequestException(
              List.of(new FieldProblem("dialect", "must be excel-fr or rfc4180")));
    };
  }

  private static boolean wantsCsv(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.trim().toLowerCase()) {
        case "csv" -> true;
        case "json" -> false;
        default ->
            throw new InvalidRequestException(
                List.of(new FieldProblem("format", "must be json or csv")));
      };
    }
    if (accept == null) {
      return false;
    }
    // CSV when the client prefers it to JSON (first of equal preference wins; a browser's */* keeps
    // JSON)
    return MediaType.parseMediaTypes(accept).stream()
        .filter(m -> m.isCompatibleWith(CSV) || m.isCompatibleWith(MediaType.APPLICATION_JSON))
        .max(Comparator.comparingDouble(MediaType::getQualityValue))
        .map(m -> "text".equals(m.getType()) && "csv".equals(m.getSubtype()))
        .orElse(false);
  }

  // --- documents

  record DocumentView(
      long id,
      String kind,
      String template,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256,
      Instant createdAt,
      String href,
      String verification) {
    static DocumentView of(Document d) {
      return new DocumentView(
          d.id(),
          d.kind(),
          d.template(),
          d.fileName(),
          d.contentType(),
          d.sizeBytes(),
          d.sha256(),
          d.createdAt(),
          "/api/documents/" + d.id(),
          "/api/documents/" + d.id() + "/verification");
    }
  }

  @GetMapping("/api/cases/{reference}/documents")
  List<DocumentView> documents(@PathVariable String reference) {
    if (records.findCase(reference).isEmpty()) {
      throw new CaseNotFoundException(reference);
    }
    return documents.ofCase(reference).stream().map(DocumentView::of).toList();
  }

  /**
   * The stored bytes, only while they still match the recorded hash (the header says which hash).
   */
  @GetMapping("/api/documents/{id}")
  ResponseEntity<byte[]> document(@PathVariable long id) {
    Document d = document(documents.find(id), id);
    Proofs.Verification check = proofs.verify(d);
    if (!check.matches()) {
      throw problem(
          HttpStatus.CONFLICT,
          "Document altered",
          check.problem() + " Voir /api/documents/" + id + "/verification.");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.contentType()))
        .header(SHA256_HEADER, d.sha256())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(d.fileName()).build().toString())
        .body(documents.content(d));
  }

  @GetMapping("/api/documents/{id}/verification")
  Proofs.Verification documentVerification(@PathVariable long id) {
    return proofs.verify(document(documents.find(id), id));
  }

  private static Document document(Optional<Document> found, long id) {
    return found.orElseThrow(
        () -> problem(HttpStatus.NOT_FOUND, "Document not found", "No document with id " + id));
  }

  // --- communications

  record CommunicationView(
      long id,
      String caseReference,
      String channel,
      String recipient,
      String template,
      String status,
      String providerId,
      Instant createdAt,
      Instant sentAt,
      String contentSha256,
      String content,
      Long documentId,
      String documentHref,
      String verification) {}

  /**
   * The communication with what was sent: the text of an email (subject, text, HTML) or an SMS; a
   * letter links its document.
   */
  @GetMapping("/api/communications/{id}")
  ResponseEntity<CommunicationView> communication(@PathVariable long id) {
    Communication c = communication(records.communication(id), id);
    Long documentId = records.letterDocument(c).orElse(null);
    CommunicationView view =
        new CommunicationView(
            c.id(),
            c.caseReference(),
            c.channel(),
            c.recipient(),
            c.template(),
            c.status(),
            c.providerId(),
            c.createdAt(),
            c.sentAt(),
            c.contentSha256(),
            c.content(),
            documentId,
            documentId == null ? null : "/api/documents/" + documentId,
            "/api/communications/" + id + "/verification");
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
    if (c.contentSha256() != null) {
      ok.header(SHA256_HEADER, c.contentSha256());
    }
    return ok.body(view);
  }

  @GetMapping("/api/communications/{id}/verification")
  Proofs.Verification communicationVerification(@PathVariable long id) {
    return proofs.verify(communication(records.communication(id), id));
  }

  private static Communication communication(Optional<Communication> found, long id) {
    return found.orElseThrow(
        () ->
            problem(
                HttpStatus.NOT_FOUND, "Communication not found", "No communication with id " + id));
  }

  private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
