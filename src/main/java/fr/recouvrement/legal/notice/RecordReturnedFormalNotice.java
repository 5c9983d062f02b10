package fr.recouvrement.legal.notice;

import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import fr.recouvrement.security.Actors;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le retour de la lettre": the registered letter came back undelivered, reported by
 * the postal callback (noticeReturnReason NOT_CLAIMED or RETURNED, noticeReturnedOn) or by a
 * collector (COLLECTOR). Records the legal event once per letter and writes noticeDelivered
 * (false): the case does not go to court on this letter alone.
 */
@Component("recordReturnedFormalNotice")
class RecordReturnedFormalNotice implements JavaDelegate {
  private final FormalNotices notices;

  RecordReturnedFormalNotice(FormalNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    LocalDate on = variables.optionalDate("noticeReturnedOn").orElse(null);
    notices.returned(
        variables.caseReference(),
        variables.optionalText("noticeTrackingId").orElse(null),
        on == null ? CaseClock.today() : on,
        variables.optionalText("noticeReturnReason").orElse("COLLECTOR"),
        Actors.current(execution));
    execution.setVariable("noticeDelivered", false);
  }
}
