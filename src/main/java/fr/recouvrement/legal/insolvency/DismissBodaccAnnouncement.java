package fr.recouvrement.legal.insolvency;

import fr.recouvrement.kernel.process.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Écarter l'annonce » (insolvency-confirmation): kept as DISMISSED, so it is never proposed
 * again.
 */
@Component("dismissBodaccAnnouncement")
class DismissBodaccAnnouncement implements JavaDelegate {
  private final BodaccAnnouncements announcements;

  DismissBodaccAnnouncement(BodaccAnnouncements announcements) {
    this.announcements = announcements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    announcements.decide(
        variables.text("announcementId"),
        "DISMISSED",
        variables.optionalText("proceedingDecidedBy").orElse(null));
  }
}
