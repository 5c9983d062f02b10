package fr.recouvrement.reminder;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the delegates of collection-case and amicable-reminders, so that a process test
 * walks the model's paths with the real decision tables. Each records what it was asked to do.
 */
class ReminderMocks {
  /** What the debtor looks like to the cadence. */
  String segment = "PONCTUEL";

  String debtorType = "BUSINESS";
  double balance = 1850.0;
  int daysOverdue = -10;
  boolean postalConfigured = true;
  Set<String> unreachable = Set.of();

  /** How many contact-policy checks say "not now" before saying yes. */
  int refusalsBeforeAllowed = 0;

  boolean promiseKept = true;
  boolean nothingOwedAfterDispute = false;

  final List<String> sent = new ArrayList<>();

  /** The segments recordSegment was asked to write on the case, in order. */
  final List<String> recordedSegments = new ArrayList<>();

  final List<String> templates = new ArrayList<>();
  final Map<String, AtomicInteger> calls = new HashMap<>();
  final StatusRecorder statuses = new StatusRecorder();

  /** Stands in for the caseStatus listener bean. */
  public static class StatusRecorder {
    final List<String> history = new ArrayList<>();

    public void set(DelegateExecution execution, String status) {
      history.add(status);
    }
  }

  /** What collectEscalationFacts and collectLegalFacts report about prescription. */
  boolean prescribed;

  ReminderMocks register() {
    Mocks.reset();
    mock(
        "prepareReminderStep",
        e -> {
          e.setVariable(
              "reminderStep",
              fr.recouvrement.kernel.process.StepVariables.of(e)
                  .optionalInteger("reminderStep")
                  .orElse(1));
          e.setVariable("segment", segment);
          e.setVariable("debtorType", debtorType);
          e.setVariable("balance", balance);
          e.setVariable("daysOverdue", daysOverdue);
          e.setVariable("debtorName", "Boulangerie Martin SARL");
        });
    mock(
        "scheduleReminderStep",
        e -> {
          String action = (String) e.getVariable("action");
          String channel = unreachable.contains(action) ? "SKIP" : action;
          e.setVariable("channel", channel);
          e.setVariable("stepAt", new Date(ClockUtil.getCurrentTime().getTime() + 86_400_000L));
        });
    mock(
        "checkContactPolicy",
        e -> {
          boolean allowed = count("checkContactPolicy") > refusalsBeforeAllowed;
          e.setVariable("contactAllowed", allowed);
          if (!allowed) {
            e.setVariable("stepAt", new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000L));
          }
        });
    mock("sendReminderEmail", e -> send(e, "EMAIL"));
    mock("sendReminderSms", e -> send(e, "SMS"));
    mock(
        "prepareReminderLetter",
        e -> {
          send(e, "LETTER");
          e.setVariable("postalGatewayConfigured", postalConfigured);
          e.setVariable("letterDocumentId", 1L);
        });
    mock("sendLetterByPost", e -> e.setVariable("postalTrackingId", "LRAR-1"));
    mock("recordCallOutcome", e -> sent.add("PHONE_CALL:" + e.getVariable("callOutcome")));
    Mocks.register("recordReminderStep", new RecordReminderStep());
    mock(
        "collectPaymentHistory",
        e -> {
          // transient, as the real step writes them (its callers map them back by expression)
          fact(e, "debtorType", debtorType);
          fact(e, "debtorName", "Débiteur d'essai");
          fact(e, "balance", balance);
          fact(e, "daysOverdue", daysOverdue);
          fact(e, "latePaymentsLast12Months", 0);
          fact(e, "averageDelayDays", 0.0);
          fact(e, "brokenPromises", 0);
        });
    mock("recordSegment", e -> recordedSegments.add((String) e.getVariable("segment")));
    mock(
        "recordPromise",
        e -> {
          e.setVariable("promiseId", 1L);
          e.setVariable(
              "promiseCheckAt", new Date(ClockUtil.getCurrentTime().getTime() + 5 * 86_400_000L));
        });
    mock("checkPromise", e -> e.setVariable("promiseKept", promiseKept));
    mock("recordAcknowledgement", e -> {});
    mock("closeCasePaid", e -> {});
    mock("computeRecoverableVat", e -> e.setVariable("recoverableVat", 0.0));
    Mocks.register("caseStatus", statuses);
    // the phases collection-case calls
    Mocks.register("fourEyes", (org.camunda.bpm.engine.delegate.TaskListener) t -> {});
    // the real house delays, read from the table deployed on the test engine
    Mocks.register(
        "houseDelays",
        fr.recouvrement.engine.TestHouseDelays.on(fr.recouvrement.ProcessTestEngine.get()));
    mock(
        "prepareDispute",
        e -> {
          e.setVariable("category", "COMMERCIAL");
          e.setVariable("disputedAmount", 300.0);
          e.setVariable("caseCreditExposure", 300.0);
          e.setVariable("debtorType", debtorType);
        });
    Mocks.register("disputeFourEyes", (org.camunda.bpm.engine.delegate.TaskListener) t -> {});
    mock("recordCreditNote", e -> {});
    mock("recordCallDispute", e -> e.setVariable("disputeId", 21L));
    mock("notifyDisputeRejected", e -> e.setVariable("rejectionLetterByHand", false));
    mock("releaseDisputedInvoices", e -> e.setVariable("nothingOwed", nothingOwedAfterDispute));
    mock(
        "startMediation",
        e -> {
          e.getProcessInstance().setVariable("mediationId", 7L);
          e.getProcessInstance()
              .setVariable(
                  "mediationDueDate",
                  new Date(ClockUtil.getCurrentTime().getTime() + 90 * 86_400_000L));
        });
    mock("closeMediation", e -> {});
    mock(
        "informConsumerOfMediator",
        e -> {
          e.setVariable("referredBy", "CONSUMER");
          e.setVariable("mediatorKind", "CONSUMER_MEDIATOR");
          e.setVariable("mediatorName", "Médiation Démo Consommation");
        });
    // the contentious stage's own steps in collection-case
    mock(
        "collectEscalationFacts",
        e -> {
          e.setVariable("debtorType", debtorType);
          e.setVariable("debtorName", "Boulangerie Martin SARL");
          e.setVariable("segment", segment);
          e.setVariable("balance", balance);
          e.setVariable("daysOverdue", 90);
          e.setVariable("amicableSteps", 5);
          e.setVariable("brokenPromises", 0);
          e.setVariable("lapsedPlans", 0);
          e.setVariable("contactLost", false);
          e.setVariable("prescribed", prescribed);
        });
    mock(
        "collectLegalFacts",
        e -> {
          e.setVariable("claimAmount", balance);
          e.setVariable("claimOrigin", "CONTRACTUAL");
          e.setVariable("consumerCredit", false);
          e.setVariable("debtorCommercial", "BUSINESS".equals(debtorType));
          e.setVariable("prescribed", prescribed);
          e.setVariable("residence", "METROPOLE");
          e.setVariable("debtorTerritory", "METROPOLE");
          if (e.getVariable("debtorRefusedSmallClaims") == null) {
            e.setVariable("debtorRefusedSmallClaims", false);
          }
        });
    Mocks.register("writeOffProposal", new fr.recouvrement.legal.escalation.WriteOffProposal());
    mock("recordAgencyHandover", e -> {});
    // the first steps of the enforcement and insolvency-claim processes collection-case calls
    mock(
        "prepareEnforcement",
        e -> {
          e.setVariable("principal", e.getVariable("balance"));
          e.setVariable("bankSeizureFailed", false);
          e.setVariable("wageSeizureFailed", false);
          e.setVariable("goodsSeizureFailed", false);
          e.setVariable("bankAccountKnown", false);
          e.setVariable("employerKnown", false);
        });
    mock("withdrawBailiffMissions", e -> e.setVariable("bailiffManualMissions", ""));
    mock("resumeCollection", e -> {});
    mock(
        "prepareProofOfClaim",
        e -> {
          e.setVariable("amountToDeclare", balance);
          e.setVariable("amountDeclared", balance);
          e.setVariable(
              "claimDueAt", new Date(ClockUtil.getCurrentTime().getTime() + 60 * 86_400_000L));
          e.setVariable(
              "claimWarningAt", new Date(ClockUtil.getCurrentTime().getTime() + 45 * 86_400_000L));
          e.setVariable("claimDeadlineText", "dans deux mois");
          e.setVariable(
              "claimLateAt", new Date(ClockUtil.getCurrentTime().getTime() + 61 * 86_400_000L));
          e.setVariable(
              "reliefDueAt", new Date(ClockUtil.getCurrentTime().getTime() + 180 * 86_400_000L));
          e.setVariable("manualMissionsToStop", "");
        });
    return this;
  }

  int count(String name) {
    return calls.computeIfAbsent(name, n -> new AtomicInteger()).get();
  }

  private void send(DelegateExecution e, String channel) {
    sent.add(channel);
    templates.add((String) e.getVariable("template"));
  }

  private void mock(String name, JavaDelegate behaviour) {
    Mocks.register(
        name,
        (JavaDelegate)
            e -> {
              calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
              behaviour.execute(e);
            });
  }

  private static void fact(
      org.camunda.bpm.engine.delegate.DelegateExecution e, String name, Object value) {
    e.setVariable(name, org.camunda.bpm.engine.variable.Variables.untypedValue(value, true));
  }
}
