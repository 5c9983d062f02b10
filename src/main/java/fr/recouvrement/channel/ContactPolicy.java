package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Applies the {@code contact-policy} decision: may this debtor be contacted on this channel at this
 * time, and if not, when next. The rules (hours, days, caps) are the analyst's table; this class
 * only walks the calendar. Probing evaluates the latest deployed table directly with the DMN
 * engine, so the hundreds of probes of a long weekend leave no decision history behind.
 */
@Component
public class ContactPolicy {
  static final String DECISION_KEY = "contact-policy";
  private static final Duration PROBE_STEP = Duration.ofMinutes(15);
  private static final int MAX_DAYS_AHEAD = 62;

  private final RepositoryService repositoryService;
  private final ProcessEngine engine;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  ContactPolicy(RepositoryService repositoryService, ProcessEngine engine) {
    this.repositoryService = repositoryService;
    this.engine = engine;
  }

  /** Past contacts of one debtor's case, as the policy counts them. */
  public record ContactHistory(List<Instant> contacts, List<Instant> callAttempts) {}

  public record Verdict(boolean allowed, String reason) {}

  public Verdict check(String channel, ZonedDateTime at, ContactHistory history) {
    return check(decision(), channel, at, history);
  }

  /** The first moment at or after {@code from} when the channel may be used. */
  public ZonedDateTime nextAllowed(String channel, ZonedDateTime from, ContactHistory history) {
    DmnDecision decision = decision();
    ZonedDateTime at = roundUp(from);
    ZonedDateTime limit = from.plusDays(MAX_DAYS_AHEAD);
    while (at.isBefore(limit)) {
      if (check(decision, channel, at, history).allowed()) {
        return at;
      }
      at = at.plus(PROBE_STEP);
    }
    throw new IllegalStateException(
        "contact-policy allows no " + channel + " contact in the " + MAX_DAYS_AHEAD + " days after " + from
            + ": check the decision table");
  }

  private Verdict check(DmnDecision decision, String channel, ZonedDateTime at, ContactHistory history) {
    ZonedDateTime paris = at.withZoneSameInstant(CaseClock.PARIS);
    LocalDate day = paris.toLocalDate();
    Instant instant = paris.toInstant();
    Instant windowStart = instant.minus(Duration.ofDays(30));
    Map<String, Object> in = new HashMap<>();
    in.put("channel", channel);
    in.put("dayOfWeek", paris.getDayOfWeek().getValue());
    in.put("minuteOfDay", paris.getHour() * 60 + paris.getMinute());
    in.put("publicHoliday", FrenchHolidays.isHoliday(day));
    in.put("contactsToday",
        (int) history.contacts().stream().filter(c -> LocalDate.ofInstant(c, CaseClock.PARIS).equals(day)).count());
    in.put("callAttemptsLast30Days",
        (int) history.callAttempts().stream().filter(c -> c.isAfter(windowStart) && !c.isAfter(instant)).count());
    DmnDecisionResultEntries result = dmnEngine().evaluateDecision(decision, in).getSingleResult();
    if (result == null) {
      return new Verdict(false, "contact-policy gave no answer");
    }
    Boolean allowed = result.getEntry("allowed");
    return new Verdict(Boolean.TRUE.equals(allowed), result.getEntry("reason"));
  }

  private DmnEngine dmnEngine() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngine();
  }

  private DmnDecision decision() {
    DecisionDefinition latest =
        repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException("No decision '" + DECISION_KEY + "' is deployed");
    }
    return parsed.computeIfAbsent(latest.getId(), id -> {
      try (InputStream in = repositoryService.getDecisionModel(id)) {
        return dmnEngine().parseDecision(DECISION_KEY, in);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read decision " + id, e);
      }
    });
  }

  private static ZonedDateTime roundUp(ZonedDateTime t) {
    ZonedDateTime floor = t.truncatedTo(ChronoUnit.HOURS).plusMinutes((t.getMinute() / 15) * 15L);
    return floor.isBefore(t) ? floor.plus(PROBE_STEP) : floor;
  }
}
