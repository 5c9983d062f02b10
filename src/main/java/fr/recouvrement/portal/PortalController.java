package fr.recouvrement.portal;

import fr.recouvrement.channel.CreditorSettings;
import fr.recouvrement.kernel.time.CaseClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The debtor's page {@code /portail/{token}}. An unknown, malformed, expired or revoked token, an
 * erased case, and too many requests all get the same friendly page with the creditor's contact
 * (status 404, 429 for the last), so a visitor learns nothing about whether a case exists.
 */
@Controller
class PortalController {
  private final PortalLinks links;
  private final PortalPages pages;
  private final PortalRepository repository;
  private final PortalThrottle throttle;
  private final PortalSettings settings;
  private final CreditorSettings creditor;
  private final PortalActions actions;

  PortalController(
      PortalLinks links,
      PortalPages pages,
      PortalRepository repository,
      PortalThrottle throttle,
      PortalSettings settings,
      CreditorSettings creditor,
      PortalActions actions) {
    this.links = links;
    this.pages = pages;
    this.repository = repository;
    this.throttle = throttle;
    this.settings = settings;
    this.creditor = creditor;
    this.actions = actions;
  }

  @GetMapping("/portail/{token}")
  String page(
      @PathVariable String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<PortalRepository.LinkedCase> link =
        open(token, request, settings.requestsPerTenMinutes());
    if (link.isEmpty()) {
      return invalid(request, response, model);
    }
    repository.recordAction(link.get().caseId(), PortalAction.VISIT, null, null, CaseClock.now());
    model.addAttribute("v", pages.view(link.get()));
    model.addAttribute("token", token);
    model.addAttribute("submission", UUID.randomUUID().toString());
    actions.addChoices(link.get(), model);
    return "portal/page";
  }

  @PostMapping("/portail/{token}/promesse")
  String promise(
      @PathVariable String token,
      @RequestParam(required = false) String submission,
      @RequestParam(required = false) String date,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    return act(
        token,
        "promesse",
        request,
        response,
        model,
        flash,
        l -> actions.promise(l, submission, date));
  }

  @PostMapping("/portail/{token}/echeancier")
  String plan(
      @PathVariable String token,
      @RequestParam(required = false) String submission,
      @RequestParam(required = false) String instalments,
      @RequestParam(required = false) String firstDate,
      @RequestParam(required = false) String downPayment,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    return act(
        token,
        "echeancier",
        request,
        response,
        model,
        flash,
        l -> actions.plan(l, submission, instalments, firstDate, downPayment));
  }

  @PostMapping("/portail/{token}/contestation")
  String dispute(
      @PathVariable String token,
      @RequestParam(required = false) String submission,
      @RequestParam(name = "invoices", required = false) List<String> invoices,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String comment,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    return act(
        token,
        "contestation",
        request,
        response,
        model,
        flash,
        l -> actions.dispute(l, submission, invoices, category, comment, files));
  }

  @PostMapping("/portail/{token}/rappel")
  String callback(
      @PathVariable String token,
      @RequestParam(required = false) String submission,
      @RequestParam(required = false) String slot,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    return act(
        token,
        "rappel",
        request,
        response,
        model,
        flash,
        l -> actions.callback(l, submission, slot));
  }

  /**
   * « Payer en ligne »: to the provider's hosted checkout, which sends the debtor back to this
   * page.
   */
  @PostMapping("/portail/{token}/paiement")
  String pay(
      @PathVariable String token,
      @RequestParam(required = false) String submission,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    Optional<PortalRepository.LinkedCase> link =
        open(token, request, settings.actionsPerTenMinutes());
    if (link.isEmpty()) {
      return invalid(request, response, model);
    }
    PortalActions.Outcome outcome =
        actions.pay(link.get(), submission, links.baseUrl() + PortalLinks.PATH + token);
    if (!outcome.ok()) {
      return back(token, "payer", outcome, flash);
    }
    return "redirect:" + outcome.message();
  }

  /**
   * A debtor's action: the link is opened under the actions' limit (any bad link gets the same
   * page), the action runs, and the page comes back at its section with the outcome.
   */
  private String act(
      String token,
      String section,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash,
      java.util.function.Function<PortalRepository.LinkedCase, PortalActions.Outcome> action) {
    Optional<PortalRepository.LinkedCase> link =
        open(token, request, settings.actionsPerTenMinutes());
    if (link.isEmpty()) {
      return invalid(request, response, model);
    }
    return back(token, section, action.apply(link.get()), flash);
  }

  private static String back(
      String token, String section, PortalActions.Outcome outcome, RedirectAttributes flash) {
    flash.addFlashAttribute(outcome.ok() ? "notice" : "error", outcome.message());
    flash.addFlashAttribute("section", section);
    return "redirect:" + PortalLinks.PATH + token + "#" + section;
  }

  /**
   * Where a form posted without a valid CSRF token lands (a page left open too long, or a forged
   * post).
   */
  @RequestMapping("/portail/session-expiree")
  String expiredForm(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("creditor", creditor);
    model.addAttribute("reason", "expired-form");
    return "portal/invalid";
  }

  /**
   * The case this token opens now, counting the request against the link and the client address.
   */
  Optional<PortalRepository.LinkedCase> open(String token, HttpServletRequest request, int limit) {
    Instant now = CaseClock.now();
    boolean allowed =
        throttle.allow("ip:" + request.getRemoteAddr(), limit * 2, now)
            & throttle.allow("token:" + (token == null ? "" : PortalLinks.hash(token)), limit, now);
    if (!allowed) {
      request.setAttribute("portal.throttled", Boolean.TRUE);
      return Optional.empty();
    }
    return links.resolve(token);
  }

  String invalid(HttpServletRequest request, HttpServletResponse response, Model model) {
    boolean throttled = request.getAttribute("portal.throttled") != null;
    response.setStatus(throttled ? 429 : HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("creditor", creditor);
    model.addAttribute("reason", throttled ? "busy" : "invalid");
    return "portal/invalid";
  }
}
