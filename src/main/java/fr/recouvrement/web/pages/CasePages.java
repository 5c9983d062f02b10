package fr.recouvrement.web.pages;

import fr.recouvrement.audit.CaseTimeline;
import fr.recouvrement.audit.TimelineEvent;
import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.CaseStatus;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.channel.DocumentStore;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The case list with its filters, and a case's page: phase, balance, invoices, payments, documents,
 * timeline.
 */
@Controller
@RequestMapping("/app/cases")
class CasePages {
  static final int PAGE_SIZE = 25;
  private static final Logger log = LoggerFactory.getLogger(CasePages.class);

  private final CaseService cases;
  private final DocumentStore documents;
  // the timeline is another capability's (audit): the case page still shows the rest without it
  private final ObjectProvider<CaseTimeline> timeline;

  private final org.camunda.bpm.engine.TaskService taskService;
  private final fr.recouvrement.dispute.DisputeService disputes;
  private final fr.recouvrement.legal.insolvency.InsolvencyService insolvencies;
  private final ObjectProvider<fr.recouvrement.portal.PortalAdmin> portal;
  private final org.camunda.bpm.engine.RepositoryService repository;

  CasePages(
      CaseService cases,
      DocumentStore documents,
      ObjectProvider<CaseTimeline> timeline,
      org.camunda.bpm.engine.TaskService taskService,
      fr.recouvrement.dispute.DisputeService disputes,
      fr.recouvrement.legal.insolvency.InsolvencyService insolvencies,
      ObjectProvider<fr.recouvrement.portal.PortalAdmin> portal,
      org.camunda.bpm.engine.RepositoryService repository) {
    this.portal = portal;
    this.repository = repository;
    this.cases = cases;
    this.documents = documents;
    this.timeline = timeline;
    this.taskService = taskService;
    this.disputes = disputes;
    this.insolvencies = insolvencies;
  }

  /** A task of the case still to do, and who has it (a person, or the groups it is offered to). */
  public record OpenTask(
      String id,
      String name,
      String assignee,
      String groups,
      java.time.Instant created,
      java.time.LocalDate due) {}

  /**
   * The case's open tasks, every process of the case included (they share its reference as business
   * key).
   */
  private List<OpenTask> openTasks(String reference) {
    List<OpenTask> open = new ArrayList<>();
    for (org.camunda.bpm.engine.task.Task t :
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .orderByTaskCreateTime()
            .asc()
            .list()) {
      String groups =
          taskService.getIdentityLinksForTask(t.getId()).stream()
              .filter(l -> l.getGroupId() != null && "candidate".equals(l.getType()))
              .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
              .distinct()
              .sorted()
              .collect(java.util.stream.Collectors.joining(", "));
      open.add(
          new OpenTask(
              t.getId(),
              t.getName(),
              t.getAssignee(),
              groups.isEmpty() ? "—" : groups,
              t.getCreateTime().toInstant(),
              t.getDueDate() == null
                  ? null
                  : java.time.LocalDate.ofInstant(
                      t.getDueDate().toInstant(), fr.recouvrement.kernel.time.CaseClock.PARIS)));
    }
    return open;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String segment,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String page,
      Model model) {
    List<String> errors = new ArrayList<>();
    CaseStatus parsedStatus = null;
    if (status != null && !status.isBlank()) {
      try {
        parsedStatus = CaseStatus.valueOf(status.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        errors.add("Statut inconnu : « " + status + " ». Tous les statuts sont affichés.");
      }
    }
    String parsedSegment = segment == null || segment.isBlank() ? null : segment.trim();
    int pageNumber = 0;
    if (page != null && !page.isBlank()) {
      try {
        pageNumber = Math.max(0, Integer.parseInt(page.trim()) - 1);
      } catch (NumberFormatException e) {
        errors.add("Numéro de page invalide : « " + page + " ».");
      }
    }
    CaseView.Sort order = CaseView.Sort.RECENT;
    if (sort != null && !sort.isBlank()) {
      try {
        order = CaseView.Sort.valueOf(sort.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        errors.add(
            "Tri inconnu : « " + sort + " ». Les dossiers les plus récents sont affichés d'abord.");
      }
    }
    String name =
        q == null || q.isBlank() ? null : q.trim().substring(0, Math.min(100, q.trim().length()));
    CaseView.Page listed =
        cases.list(parsedStatus, parsedSegment, name, order, pageNumber, PAGE_SIZE);
    model.addAttribute("q", name == null ? "" : name);
    model.addAttribute("sort", order.name());
    model.addAttribute("today", fr.recouvrement.kernel.time.CaseClock.today());
    long pages = Math.max(1, (listed.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    model.addAttribute("errors", errors);
    model.addAttribute("statuses", Labels.statuses());
    model.addAttribute("segments", Labels.segments());
    model.addAttribute("status", parsedStatus == null ? "" : parsedStatus.name());
    model.addAttribute("segment", parsedSegment == null ? "" : parsedSegment);
    model.addAttribute("listing", listed);
    model.addAttribute("pageNumber", pageNumber + 1);
    model.addAttribute("pages", pages);
    model.addAttribute(
        "previous",
        pageNumber > 0 ? pageUrl(parsedStatus, parsedSegment, name, order, pageNumber) : null);
    model.addAttribute(
        "next",
        pageNumber + 1 < pages
            ? pageUrl(parsedStatus, parsedSegment, name, order, pageNumber + 2)
            : null);
    return "pages/cases";
  }

  @GetMapping("/{reference}")
  String show(@PathVariable String reference, Model model, HttpServletResponse response) {
    CaseView view;
    try {
      view = cases.get(reference);
    } catch (CaseNotFoundException e) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("reference", reference);
      return "pages/not-found";
    }
    model.addAttribute("c", view);
    model.addAttribute("documents", documents.ofCase(view.reference()));
    model.addAttribute("openTasks", openTasks(view.reference()));
    List<fr.recouvrement.dispute.DisputeView> caseDisputes = disputes.ofCase(view.reference());
    model.addAttribute("disputes", caseDisputes);
    model.addAttribute("insolvency", insolvencies.ofCase(view.reference()).orElse(null));
    fr.recouvrement.portal.PortalAdmin portalAdmin = portal.getIfAvailable();
    model.addAttribute(
        "portal", portalAdmin == null ? null : portalAdmin.activity(view.reference()));
    model.addAttribute(
        "supervising",
        fr.recouvrement.security.GroupIds.supervising(
            org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()));
    CaseTimeline source = timeline.getIfAvailable();
    List<TimelineEvent> events = null;
    if (source != null) {
      try {
        events = source.of(view.reference());
      } catch (RuntimeException e) {
        // the rest of the page is still worth reading; the cause is in the log
        log.error("Timeline of case {} could not be read", view.reference(), e);
      }
    }
    model.addAttribute("events", events);
    model.addAttribute(
        "story",
        events == null ? null : BusinessTimeline.of(events, view, caseDisputes, ruleAnnotations()));
    return "pages/case";
  }

  /**
   * The annotation of a decision table's rule (its {@code description}), read from the deployed
   * table, once per page.
   */
  private java.util.function.BiFunction<String, String, java.util.Optional<String>>
      ruleAnnotations() {
    java.util.Map<String, org.camunda.bpm.model.dmn.DmnModelInstance> tables =
        new java.util.HashMap<>();
    return (definitionId, ruleId) -> {
      if (definitionId == null || ruleId == null) {
        return java.util.Optional.empty();
      }
      try {
        org.camunda.bpm.model.dmn.DmnModelInstance table =
            tables.computeIfAbsent(definitionId, repository::getDmnModelInstance);
        if (table.getModelElementById(ruleId)
                instanceof org.camunda.bpm.model.dmn.instance.Rule rule
            && rule.getDescription() != null) {
          return java.util.Optional.of(rule.getDescription().getTextContent().strip());
        }
      } catch (RuntimeException e) {
        log.debug("No annotation for rule {} of {}", ruleId, definitionId, e);
      }
      return java.util.Optional.empty();
    };
  }

  private static String pageUrl(
      CaseStatus status, String segment, String name, CaseView.Sort sort, int page) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/app/cases");
    if (name != null) {
      url.queryParam("q", name);
    }
    if (sort != CaseView.Sort.RECENT) {
      url.queryParam("sort", sort.name());
    }
    if (status != null) {
      url.queryParam("status", status.name());
    }
    if (segment != null) {
      url.queryParam("segment", segment);
    }
    return url.queryParam("page", page).encode().build().toUriString();
  }
}
