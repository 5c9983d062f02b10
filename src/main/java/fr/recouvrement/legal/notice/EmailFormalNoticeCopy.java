package fr.recouvrement.legal.notice;

import fr.recouvrement.channel.LetterTracked;
import fr.recouvrement.kernel.process.StepVariables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Envoyer une copie par email": the notice's amount, deadline and tracking number by email, once
 * per step. Reads caseReference, noticeAmount, noticeInvoices, noticeDeadlineDays, noticeDeadline,
 * noticeTrackingId; writes noticeEmailStatus (SENT or DRY_RUN). Once it commits, an acknowledgement
 * of the letter that came early is applied ({@link LetterTracked}).
 */
@Component("emailFormalNoticeCopy")
class EmailFormalNoticeCopy implements JavaDelegate {
  private final FormalNotices notices;
  private final ApplicationEventPublisher events;

  EmailFormalNoticeCopy(FormalNotices notices, ApplicationEventPublisher events) {
    this.notices = notices;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String tracking = variables.optionalText("noticeTrackingId").orElse(null);
    execution.setVariable(
        "noticeEmailStatus",
        notices
            .emailCopy(
                variables.caseReference(),
                NoticeStep.key(execution),
                new BigDecimal(variables.text("noticeAmount")).setScale(2, RoundingMode.HALF_UP),
                variables.text("noticeInvoices"),
                variables.integer("noticeDeadlineDays"),
                LocalDate.parse(variables.text("noticeDeadline")),
                tracking == null ? null : tracking.toString())
            .name());
    if (tracking != null) {
      // the last step before the process waits for news of the letter: news that came early is
      // applied after it (review M5)
      events.publishEvent(new LetterTracked(tracking.toString()));
    }
  }
}
