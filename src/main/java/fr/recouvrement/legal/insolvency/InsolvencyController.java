package fr.recouvrement.legal.insolvency;

import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{reference}/insolvency")
class InsolvencyController {
  private final InsolvencyService insolvencies;

  InsolvencyController(InsolvencyService insolvencies) {
    this.insolvencies = insolvencies;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<InsolvencyView> open(@PathVariable String reference, @RequestBody InsolvencyRequest request, Principal principal) {
    InsolvencyView view = insolvencies.open(reference, request, principal == null ? "system" : principal.getName());
    return ResponseEntity.created(URI.create("/api/cases/" + reference)).body(view);
  }
}
