package fr.recouvrement.portal;

import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.CaseService;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The creditor's side of the portal: a case's portal activity, and revoking its links (a
 * supervisor: the debtor reports a forwarded message, a wrong recipient…). Who may call what is
 * decided in SecurityConfig (API) and PagesSecurityConfig (pages).
 */
@Controller
public class PortalAdmin {
  private final PortalLinks links;
  private final PortalRepository repository;
  private final CaseService cases;

  PortalAdmin(PortalLinks links, PortalRepository repository, CaseService cases) {
    this.links = links;
    this.repository = repository;
    this.cases = cases;
  }

  /** The case's portal activity (for the case page too). */
  public PortalActivity activity(String reference) {
    PortalRepository.Activity a = repository.activity(reference);
    return new PortalActivity(
        links.activeLinks(reference),
        a.visits(),
        a.lastVisit(),
        a.promises(),
        a.plans(),
        a.disputes(),
        a.callbacks(),
        a.payments());
  }

  @GetMapping("/api/cases/{reference}/portal")
  @ResponseBody
  PortalActivity apiActivity(@PathVariable String reference) {
    cases.get(reference); // 404 problem for an unknown case
    return activity(reference);
  }

  @PostMapping("/api/cases/{reference}/portal/revoke")
  @ResponseBody
  ResponseEntity<Map<String, Object>> apiRevoke(
      @PathVariable String reference, Principal principal) {
    cases.get(reference);
    int revoked = links.revoke(reference, principal == null ? "system" : principal.getName());
    return ResponseEntity.ok(Map.of("reference", reference, "revokedLinks", revoked));
  }

  @PostMapping("/app/cases/{reference}/portail/revoquer")
  String pageRevoke(@PathVariable String reference, Principal principal, RedirectAttributes flash) {
    try {
      cases.get(reference);
    } catch (CaseNotFoundException e) {
      return "redirect:/app/cases";
    }
    int revoked = links.revoke(reference, principal == null ? "system" : principal.getName());
    flash.addFlashAttribute(
        "portalNotice",
        revoked == 0
            ? "Aucun lien du portail n'était encore valable pour ce dossier."
            : revoked
                + " lien(s) du portail révoqué(s) : le débiteur voit désormais une page sans donnée, avec vos coordonnées.");
    return "redirect:/app/cases/" + reference + "#portail";
  }
}
