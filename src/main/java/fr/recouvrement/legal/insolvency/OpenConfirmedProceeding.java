package fr.recouvrement.legal.insolvency;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * « Ouvrir la procédure collective sur les dossiers » (insolvency-confirmation): the confirmed
 * announcement starts the insolvency path on each case it was proposed for, exactly as {@code POST
 * /api/cases/{reference}/insolvency} does, with the procedure and the dates kept from the BODACC
 * (read from {@code bodacc_announcement}, not from the task's variables). A case closed meanwhile,
 * or on which a procedure was recorded by hand meanwhile, is left as it is. Sets {@code
 * casesOpened} (the references, comma-separated).
 */
@Component("openConfirmedProceeding")
class OpenConfirmedProceeding implements JavaDelegate {
  private static final Logger log = LoggerFactory.getLogger(OpenConfirmedProceeding.class);
  private final BodaccAnnouncements announcements;
  private final InsolvencyService insolvencies;
  private final CaseService cases;

  OpenConfirmedProceeding(
      BodaccAnnouncements announcements, InsolvencyService insolvencies, CaseService cases) {
    this.announcements = announcements;
    this.insolvencies = insolvencies;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String announcementId = variables.text("announcementId");
    BodaccAnnouncements.Kept kept =
        announcements
            .find(announcementId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "BODACC announcement "
                            + announcementId
                            + " is not kept: cannot confirm it"));
    String actor = variables.optionalText("proceedingDecidedBy").orElse("veille BODACC");
    List<String> opened = new ArrayList<>();
    for (String reference : kept.caseReferences()) {
      if (cases.get(reference).status().isClosed() || insolvencies.ofCase(reference).isPresent()) {
        log.info(
            "BODACC {}: case {} is closed or already under a procedure; left as it is",
            announcementId,
            reference);
        continue;
      }
      insolvencies.open(
          reference,
          new InsolvencyRequest(
              kept.procedure().name(), kept.judgmentDate(), kept.publicationDate(), false),
          actor);
      opened.add(reference);
    }
    announcements.decide(announcementId, "CONFIRMED", actor);
    execution.setVariable("casesOpened", String.join(", ", opened));
  }
}
