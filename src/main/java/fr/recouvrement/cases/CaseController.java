package fr.recouvrement.cases;

import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.security.GroupIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {
  private static final int MAX_PAGE_SIZE = 500;

  private final CaseService cases;
  private final CsvCaseImport csvImport;

  CaseController(CaseService cases, CsvCaseImport csvImport) {
    this.cases = cases;
    this.csvImport = csvImport;
  }

  /**
   * Opens a case (201) or adds invoices to the debtor's open case (200). With {@code Prefer:
   * respond-async} (RFC 7240) a new case is answered 202 Accepted as stored, its segmentation and
   * first reminder step running on the job executor right after the answer; invoices added to an
   * open case are still answered 200, the preference not applied.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CaseView> open(
      @RequestBody OpenCaseRequest request,
      @RequestHeader(name = "Prefer", required = false) List<String> prefer,
      Principal principal) {
    boolean later = prefersAsync(prefer);
    CaseService.Shown shown = cases.openAndShow(request, actor(principal), later);
    CaseService.Opened opened = shown.opened();
    CaseView view = shown.view();
    URI location = URI.create("/api/cases/" + opened.reference());
    if (opened.created() && opened.continuesLater()) {
      return ResponseEntity.accepted()
          .location(location)
          .header("Preference-Applied", RESPOND_ASYNC)
          .body(view);
    }
    if (opened.created()) {
      return ResponseEntity.created(location).body(view);
    }
    return ResponseEntity.ok(view);
  }

  static final String RESPOND_ASYNC = "respond-async";

  /**
   * Whether one of the {@code Prefer} headers holds {@code respond-async}: preferences are
   * separated by commas, a preference's value follows '=' and its parameters ';' (RFC 7240 §2).
   */
  static boolean prefersAsync(List<String> prefer) {
    if (prefer == null) {
      return false;
    }
    for (String header : prefer) {
      for (String preference : header.split(",")) {
        String token = preference.split("[;=]", 2)[0].trim();
        if (token.equalsIgnoreCase(RESPOND_ASYNC)) {
          return true;
        }
      }
    }
    return false;
  }

  @PostMapping(
      path = "/import",
      consumes = {"text/csv", "application/csv"})
  CsvCaseImport.Result importCsv(HttpServletRequest request, Principal principal)
      throws IOException {
    // the charset of the Content-Type (text/csv; charset=windows-1252) when given, UTF-8 otherwise;
    // read
    // from the header itself, as the servlet's request encoding is forced to UTF-8 for forms
    java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
    String declared = charsetOf(request.getHeader("Content-Type"));
    if (declared != null) {
      try {
        charset = java.nio.charset.Charset.forName(declared);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            List.of(
                new InvalidRequestException.FieldProblem(
                    "Content-Type",
                    "names a character set this server does not know; use UTF-8 or windows-1252")));
      }
    }
    return csvImport.importCsv(request.getInputStream(), charset, actor(principal));
  }

  @GetMapping("/{reference}")
  CaseView get(@PathVariable String reference) {
    return cases.get(reference);
  }

  @GetMapping
  CaseView.Page list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String segment,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    CaseStatus parsedStatus = null;
    if (status != null && !status.isBlank()) {
      try {
        parsedStatus = CaseStatus.valueOf(status.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            List.of(new FieldProblem("status", "must be one of " + List.of(CaseStatus.values()))));
      }
    }
    if (page < 0) {
      throw new InvalidRequestException(List.of(new FieldProblem("page", "must be 0 or more")));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          List.of(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE)));
    }
    CaseView.Sort order = CaseView.Sort.RECENT;
    if (sort != null && !sort.isBlank()) {
      try {
        order = CaseView.Sort.valueOf(sort.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            List.of(new FieldProblem("sort", "must be one of " + List.of(CaseView.Sort.values()))));
      }
    }
    if (q != null && q.length() > 100) {
      throw new InvalidRequestException(
          List.of(new FieldProblem("q", "must be at most 100 characters")));
    }
    return cases.list(
        parsedStatus,
        segment == null || segment.isBlank() ? null : segment.trim(),
        q,
        order,
        page,
        size);
  }

  @PostMapping(path = "/{reference}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CaseView> recordPayment(
      @PathVariable String reference,
      @Valid @RequestBody PaymentRequest payment,
      Principal principal) {
    CaseService.Recorded recorded =
        cases.recordPayment(reference, payment, actor(principal), GroupIds.supervising(principal));
    return recorded.duplicate()
        ? ResponseEntity.ok(recorded.view())
        : ResponseEntity.created(URI.create("/api/cases/" + reference)).body(recorded.view());
  }

  private static String actor(Principal principal) {
    return principal == null ? "system" : principal.getName();
  }

  /** The {@code charset} parameter of a Content-Type header, or null. */
  static String charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        String value = p.substring(8).trim();
        return value.replace("\"", "").isEmpty() ? null : value.replace("\"", "");
      }
    }
    return null;
  }
}
