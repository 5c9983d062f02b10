package fr.recouvrement.reminder;

import fr.recouvrement.channel.ContactPolicy;
import fr.recouvrement.kernel.process.StepVariables;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Planifier l'étape": turns the cadence's answer into a channel the debtor can be reached on and a
 * moment: the cadence's day (due date + delay), no sooner than the minimum gap after the last
 * contact, then the first slot the contact policy allows.
 */
@Component("scheduleReminderStep")
class ScheduleReminderStep implements JavaDelegate {
  static final String SKIP = "SKIP";

  private final ReminderRepository repository;
  private final ContactPolicy contactPolicy;

  ScheduleReminderStep(ReminderRepository repository, ContactPolicy contactPolicy) {
    this.repository = repository;
    this.contactPolicy = contactPolicy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String reference = variables.caseReference();
    ReminderRepository.CaseFacts facts = repository.facts(reference);
    String channel =
        reachableChannel(
            variables.text("action"), variables.optionalText("fallbackAction").orElse(null), facts);
    variables.set("channel", channel);
    if (SKIP.equals(channel)) {
      return;
    }
    LocalDate today = CaseClock.today();
    LocalDate cadenceDay =
        (facts.oldestDueDate() == null ? today : facts.oldestDueDate())
            .plusDays(variables.optionalInteger("delayDays").orElse(0));
    LocalDate earliest = cadenceDay;
    Instant last = repository.lastContact(facts.caseId()).orElse(null);
    if (last != null) {
      LocalDate afterGap =
          LocalDate.ofInstant(last, CaseClock.PARIS)
              .plusDays(variables.optionalInteger("minGapDays").orElse(0));
      earliest = afterGap.isAfter(earliest) ? afterGap : earliest;
    }
    ZonedDateTime now = ZonedDateTime.ofInstant(CaseClock.now(), CaseClock.PARIS);
    ZonedDateTime from = earliest.atStartOfDay(CaseClock.PARIS);
    if (from.isBefore(now)) {
      from = now;
    }
    ZonedDateTime at =
        contactPolicy.nextAllowed(
            channel,
            from,
            repository.contactHistory(
                facts.caseId(), from.toInstant().minusSeconds(31L * 24 * 3600)),
            facts.territory());
    variables.set("stepAt", Date.from(at.toInstant()));
    variables.set("nextActionLabel", LABELS.getOrDefault(channel, channel));
  }

  /** What the case's next action reads while the step waits for its day. */
  static final java.util.Map<String, String> LABELS =
      java.util.Map.of(
          "EMAIL", "Envoyer un courriel de relance",
          "SMS", "Envoyer un SMS de relance",
          "LETTER", "Envoyer un courrier de relance",
          "PHONE_CALL", "Appeler le débiteur");

  /** The cadence's channel, or its fallback when the debtor has no address for it. */
  static String reachableChannel(
      String action, String fallback, ReminderRepository.CaseFacts facts) {
    boolean reachable =
        switch (action) {
          case "EMAIL" -> facts.hasEmail();
          case "SMS", "PHONE_CALL" -> facts.hasPhone();
          default -> true;
        };
    if (reachable) {
      return action;
    }
    if (fallback == null || fallback.isBlank() || fallback.equals(action)) {
      return SKIP;
    }
    return reachableChannel(fallback, null, facts);
  }
}
