package fr.recouvrement.web.pages;

import fr.recouvrement.audit.CaseProofs;
import fr.recouvrement.audit.ClosedCases;
import fr.recouvrement.audit.DecisionReplayReport;
import fr.recouvrement.audit.DecisionReplayService;
import fr.recouvrement.audit.TimelineExport;
import fr.recouvrement.cases.CaseNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What an auditor replays, closed cases included: the search of closed cases (Cockpit lists running
 * instances only), a case's decisions replayed (outputs then, with the same table again, and with
 * the current table, differences marked) and its proofs (each message and document, recorded hash
 * against the hash of what is kept today). A case's own page is {@link CasePages}.
 */
@Controller
class AuditPages {
  static final int PAGE_SIZE = 25;

  private final ClosedCases closed;
  private final DecisionReplayService replay;
  private final CaseProofs proofs;
  private final TimelineExport export;

  AuditPages(
      ClosedCases closed, DecisionReplayService replay, CaseProofs proofs, TimelineExport export) {
    this.closed = closed;
    this.replay = replay;
    this.proofs = proofs;
    this.export = export;
  }

  /**
   * The timeline for French Excel, from the pages' session (the API's own export wants HTTP Basic).
   */
  @GetMapping("/app/cases/{reference}/timeline.csv")
  ResponseEntity<byte[]> timelineCsv(@PathVariable String reference) {
    byte[] csv;
    try {
      csv = export.frenchCsv(reference);
    } catch (CaseNotFoundException e) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(reference + "-chronologie.csv")
                .build()
                .toString())
        .body(csv);
  }

  @GetMapping("/app/audit")
  String closedCases(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String page,
      Model model) {
    List<String> errors = new ArrayList<>();
    String parsedStatus = null;
    if (status != null && !status.isBlank()) {
      String s = status.trim().toUpperCase(Locale.ROOT);
      if (List.of("PAID", "WRITTEN_OFF").contains(s)) {
        parsedStatus = s;
      } else {
        errors.add(
            "Statut de clôture inconnu : « "
                + status
                + " ». Les dossiers soldés et passés en perte sont affichés.");
      }
    }
    int pageNumber = 0;
    if (page != null && !page.isBlank()) {
      try {
        pageNumber = Math.max(0, Integer.parseInt(page.trim()) - 1);
      } catch (NumberFormatException e) {
        errors.add("Numéro de page invalide : « " + page + " ».");
      }
    }
    String query = q == null ? "" : q.trim();
    ClosedCases.Page found = closed.search(query, parsedStatus, pageNumber, PAGE_SIZE);
    long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    model.addAttribute("errors", errors);
    model.addAttribute("q", query);
    model.addAttribute("status", parsedStatus == null ? "" : parsedStatus);
    model.addAttribute("found", found);
    model.addAttribute("pageNumber", pageNumber + 1);
    model.addAttribute("pages", pages);
    model.addAttribute(
        "previous", pageNumber > 0 ? pageUrl(query, parsedStatus, pageNumber) : null);
    model.addAttribute(
        "next", pageNumber + 1 < pages ? pageUrl(query, parsedStatus, pageNumber + 2) : null);
    return "pages/audit";
  }

  @GetMapping("/app/cases/{reference}/decisions")
  String decisions(@PathVariable String reference, Model model, HttpServletResponse response) {
    DecisionReplayReport report;
    try {
      report = replay.replay(reference, true);
    } catch (CaseNotFoundException e) {
      return notFound(reference, model, response);
    }
    model.addAttribute("reference", reference);
    model.addAttribute("report", report);
    model.addAttribute("rows", report.decisions().stream().map(ReplayRow::of).toList());
    return "pages/decisions";
  }

  @GetMapping("/app/cases/{reference}/proofs")
  String proofs(@PathVariable String reference, Model model, HttpServletResponse response) {
    List<CaseProofs.Proof> all;
    try {
      all = proofs.of(reference);
    } catch (CaseNotFoundException e) {
      return notFound(reference, model, response);
    }
    model.addAttribute("reference", reference);
    model.addAttribute("proofs", all);
    model.addAttribute("matching", all.stream().filter(CaseProofs.Proof::matches).count());
    return "pages/proofs";
  }

  /** The text a debtor received (an email, an SMS) or the letter's document, with its proof. */
  @GetMapping("/app/communications/{id}")
  String message(@PathVariable long id, Model model, HttpServletResponse response) {
    var found = proofs.message(id);
    if (found.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("what", "Message " + id);
      return "pages/message-not-found";
    }
    model.addAttribute("m", found.get());
    return "pages/message";
  }

  private static String notFound(String reference, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("reference", reference);
    return "pages/not-found";
  }

  /**
   * One decision as the replay page shows it: each output name with its value then (recorded),
   * replayed with the same table version, and with the current version; a cell differs when its
   * value is not the recorded one.
   */
  record ReplayRow(DecisionReplayReport.Decision decision, List<OutputLine> outputs) {
    static ReplayRow of(DecisionReplayReport.Decision d) {
      List<Map<String, Object>> recorded =
          d.recordedOutputs() == null
              ? List.of()
              : d.recordedOutputs().stream()
                  .map(DecisionReplayReport.RuleOutputs::outputs)
                  .toList();
      List<Map<String, Object>> replayed =
          d.replayedOutputs() == null ? List.of() : d.replayedOutputs();
      List<Map<String, Object>> latest = d.latestOutputs() == null ? List.of() : d.latestOutputs();
      int rules = Math.max(recorded.size(), Math.max(replayed.size(), latest.size()));
      List<OutputLine> lines = new ArrayList<>();
      for (int i = 0; i < rules; i++) {
        TreeSet<String> names = new TreeSet<>();
        Map<String, Object> then = i < recorded.size() ? recorded.get(i) : Map.of();
        Map<String, Object> again = i < replayed.size() ? replayed.get(i) : Map.of();
        Map<String, Object> now = i < latest.size() ? latest.get(i) : Map.of();
        names.addAll(then.keySet());
        names.addAll(again.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
          Object t = then.get(name);
          Object a = i < replayed.size() ? again.get(name) : null;
          Object n = i < latest.size() ? now.get(name) : null;
          lines.add(
              new OutputLine(
                  rules > 1 ? name + " (" + (i + 1) + ")" : name,
                  t,
                  i < replayed.size() ? a : null,
                  !same(t, a) || i >= replayed.size(),
                  i < latest.size() ? n : null,
                  !same(t, n) || i >= latest.size()));
        }
      }
      return new ReplayRow(d, lines);
    }

    private static boolean same(Object a, Object b) {
      if (a instanceof Number x && b instanceof Number y) {
        return new java.math.BigDecimal(x.toString())
                .compareTo(new java.math.BigDecimal(y.toString()))
            == 0;
      }
      return Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString());
    }
  }

  record OutputLine(
      String name,
      Object then,
      Object replayed,
      boolean replayedDiffers,
      Object current,
      boolean currentDiffers) {}

  private static String pageUrl(String q, String status, int page) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/app/audit");
    if (!q.isEmpty()) {
      url.queryParam("q", q);
    }
    if (status != null) {
      url.queryParam("status", status);
    }
    return url.queryParam("page", page).encode().build().toUriString();
  }
}
