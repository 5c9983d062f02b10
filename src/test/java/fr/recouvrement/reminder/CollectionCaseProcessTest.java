package fr.recouvrement.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.recouvrement.ProcessDriver;
import fr.recouvrement.ProcessTestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** collection-case with its delegates stood in for; amicable-reminders runs for real beneath it. */
class CollectionCaseProcessTest {
  static int seq;
  final ProcessEngine engine = ProcessTestEngine.get();
  ReminderMocks mocks;
  String reference;
  ProcessInstance instance;
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    mocks = new ReminderMocks().register();
  }

  /**
   * Camunda's Mocks live in the test thread and would stand in for the Spring beans of later tests.
   */
  @AfterEach
  void tearDown() {
    org.camunda.bpm.engine.test.mock.Mocks.reset();
  }

  void open(int reminderStep) {
    reference = "DOS-CASE-" + (++seq);
    Map<String, Object> vars =
        new HashMap<>(
            Map.of("caseReference", reference, "debtorType", "BUSINESS", "balance", 1850.0));
    vars.put("reminderStep", reminderStep);
    // the prescription timers wait for years: CaseService passes them at start
    vars.put("prescriptionWarningAt", "2031-11-06T08:00:00");
    vars.put("prescriptionDate", "2032-02-04T08:00:00");
    instance =
        engine.getRuntimeService().startProcessInstanceByKey("collection-case", reference, vars);
    driver = new ProcessDriver(engine, instance.getId()).settle();
  }

  void pay(boolean fully) {
    engine
        .getRuntimeService()
        .createMessageCorrelation("PaymentReceived")
        .processInstanceBusinessKey(reference)
        .setVariable("fullyPaid", fully)
        .setVariable("balance", fully ? 0.0 : 850.0)
        .setVariable("lastPaymentDate", "2026-11-20")
        .correlateWithResult();
    driver.settle();
  }

  @Test
  void shouldSegmentTheDebtorAndStartTheReminders() {
    open(1);
    assertThat(instance).hasPassed("CallActivity_SegmentDebtor");
    // the chain runs in the called process debtor-segmentation, under the case's reference
    assertThat(segmentations()).hasSize(1);
    HistoricProcessInstance segmentation = segmentations().get(0);
    assertThat(segmentation.getBusinessKey()).isEqualTo(reference);
    assertThat(passed(segmentation))
        .containsSubsequence(
            "Task_CollectPaymentHistory",
            "Task_SegmentDebtor",
            "Task_RecordSegment",
            "Event_DebtorSegmented");
    assertThat(instance).isWaitingAt("CallActivity_AmicableReminders");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "segment"))
        .isEqualTo("PONCTUEL");
    assertThat(mocks.recordedSegments).containsExactly("PONCTUEL");
  }

  /**
   * A business debtor (ReminderMocks: BUSINESS, 1,850 €, no late payment, no broken promise) is
   * PONCTUEL (debtor-segment's last rule); a new invoice brings the balance to 12,000 €, and the
   * table's rule « Professionnel, 10 000 € ou plus » makes it GROS_ENJEU. The called process
   * returns the segment, the strategy sentence and the facts it read to the case.
   */
  @Test
  void shouldGiveTheCaseTheNewSegmentAndStrategyWhenAnInvoiceRaisesTheBalance() {
    open(1);
    mocks.balance = 12000.0;
    engine
        .getRuntimeService()
        .createMessageCorrelation("InvoiceAdded")
        .processInstanceBusinessKey(reference)
        .correlateAll();

    assertThat(instance).hasPassed("CallActivity_AfterInvoiceSegmentDebtor");
    assertThat(segmentations()).hasSize(2);
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
    assertThat(variables)
        .containsEntry("segment", "GROS_ENJEU")
        .containsEntry(
            "strategy", "Encours important : un chargé appelle tôt, les courriers sont validés")
        .containsEntry("balance", 12000.0)
        .containsEntry("brokenPromises", 0);
    assertThat(mocks.recordedSegments).containsExactly("PONCTUEL", "GROS_ENJEU");
  }

  /** The debtor-segmentation instances the case called, oldest first. */
  List<HistoricProcessInstance> segmentations() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .superProcessInstanceId(instance.getId())
        .processDefinitionKey("debtor-segmentation")
        .orderByProcessInstanceStartTime()
        .asc()
        .list();
  }

  /** The flow nodes a (finished) process instance passed, in the order they started. */
  List<String> passed(HistoricProcessInstance process) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(process.getId())
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .map(HistoricActivityInstance::getActivityId)
        .toList();
  }

  @Test
  void shouldStopEverythingAndCloseTheCaseWhenFullyPaid() {
    open(1);
    driver.fireTimer();
    pay(true);
    assertThat(instance).isEnded().hasPassed("Task_CloseCasePaid", "Event_CasePaid");
    assertThat(mocks.count("closeCasePaid")).isEqualTo(1);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .count())
        .isZero();
  }

  @Test
  void shouldKeepRemindingWithTheNewBalanceAfterAPartialPayment() {
    open(1);
    pay(false);
    assertThat(instance)
        .isNotEnded()
        .hasPassed("Task_RecordAcknowledgement", "CallActivity_AfterPaymentSegmentDebtor");
    assertThat(instance).isWaitingAt("CallActivity_AmicableReminders");
    assertThat(mocks.count("recordAcknowledgement")).isEqualTo(1);
    assertThat(mocks.count("collectPaymentHistory")).isEqualTo(2);
    driver.fireTimer();
    assertThat(mocks.sent).containsExactly("EMAIL");
  }

  @Test
  void shouldWaitForAPromiseThenResumeTheCadenceWhenItIsKept() {
    open(4);
    driver.fireTimer();
    driver.complete(
        driver.task(),
        Map.of("callOutcome", "PROMISE", "promiseDate", "2026-12-15", "promiseAmount", 500.0));
    assertThat(instance).isWaitingAt("Timer_PromiseDue");
    assertThat(mocks.count("recordPromise")).isEqualTo(1);

    driver.fireTimer();
    assertThat(instance)
        .hasPassed("Task_CheckPromise")
        .isWaitingAt("CallActivity_AmicableReminders");
    assertThat(mocks.count("collectPaymentHistory")).isEqualTo(1);
    // the cadence resumes at the step it stopped at: a collector calls again about what is left
    assertThat(driver.fireTimer().task().getTaskDefinitionKey()).isEqualTo("Task_CallDebtor");
  }

  @Test
  void shouldReassessTheDebtorWhenAPromiseIsBroken() {
    mocks.promiseKept = false;
    open(4);
    driver.fireTimer();
    driver.complete(
        driver.task(),
        Map.of("callOutcome", "PROMISE", "promiseDate", "2026-12-15", "promiseAmount", 500.0));
    driver.fireTimer();
    assertThat(mocks.count("collectPaymentHistory")).isEqualTo(2);
    assertThat(instance).isWaitingAt("CallActivity_AmicableReminders");
  }

  @Test
  void shouldRecordADisputeRaisedOnThePhoneAndInvestigateItThenResume() {
    open(4);
    driver.fireTimer();
    driver.complete(
        driver.task(), Map.of("callOutcome", "DISPUTE", "disputeCategory", "TECHNICAL"));
    assertThat(mocks.count("recordCallDispute")).isEqualTo(1);
    assertThat(instance).isWaitingAt("CallActivity_CallDispute");
    Task dispute = driver.task();
    assertThat(dispute.getTaskDefinitionKey()).isEqualTo("Task_InvestigateDispute");
    assertThat(mocks.statuses.history).containsExactly("DISPUTED");
    driver.complete(
        dispute,
        Map.of(
            "disputeOutcome",
            "REJECTED",
            "rejectionReason",
            "Prestation conforme au bon de commande"));
    assertThat(instance).isWaitingAt("CallActivity_AmicableReminders");
    assertThat(mocks.statuses.history).containsExactly("DISPUTED", "AMICABLE");
  }

  @Test
  void shouldCloseTheCaseWhenACreditNoteLeavesNothingOwed() {
    mocks.nothingOwedAfterDispute = true;
    open(1);
    engine
        .getRuntimeService()
        .createMessageCorrelation("DisputeRaised")
        .processInstanceId(instance.getId())
        .setVariable("disputeId", 13L)
        .correlateWithResult();
    driver.settle();
    driver.complete(
        driver.task(),
        Map.of(
            "disputeOutcome",
            "CREDIT_NOTE",
            "creditNoteNumber",
            "AV-13",
            "creditNoteAmount",
            1850.0));
    assertThat(instance).isEnded().hasPassed("Task_CloseCasePaid", "Event_CasePaid");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .count())
        .isZero();
  }

  @Test
  void shouldHandAPlanRequestToThePaymentPlanProcessThenResume() {
    open(4);
    driver.fireTimer();
    driver.complete(driver.task(), Map.of("callOutcome", "PAYMENT_PLAN"));
    assertThat(instance).isWaitingAt("CallActivity_PaymentPlan");
    assertThat(mocks.statuses.history).containsExactly("PAYMENT_PLAN");
    Task negotiation = driver.task();
    assertThat(negotiation.getTaskDefinitionKey()).isEqualTo("Task_NegotiatePlan");
    driver.complete(negotiation, Map.of("debtorRefuses", true));
    assertThat(instance)
        .hasPassed("Gateway_PlanOutcome")
        .isWaitingAt("CallActivity_AmicableReminders");
    assertThat(mocks.statuses.history).containsExactly("PAYMENT_PLAN", "AMICABLE");
  }

  @Test
  void shouldReassessTheDebtorWhenThePlanLapses() {
    open(4);
    driver.fireTimer();
    driver.complete(driver.task(), Map.of("callOutcome", "PAYMENT_PLAN"));
    String plan =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("payment-plan")
            .processInstanceBusinessKey(reference)
            .singleResult()
            .getId();
    // the plan process's own paths are PaymentPlanProcessTest's; here it ends lapsed
    engine.getRuntimeService().setVariable(plan, "planOutcome", "LAPSED");
    engine
        .getRuntimeService()
        .createProcessInstanceModification(plan)
        .cancelAllForActivity("Task_NegotiatePlan")
        .startBeforeActivity("Event_PlanLapsed")
        .execute();
    driver.settle();
    assertThat(instance)
        .hasPassed("Gateway_PlanOutcome")
        .isWaitingAt("CallActivity_AmicableReminders");
    assertThat(mocks.count("collectPaymentHistory")).isEqualTo(2);
  }

  @Test
  void shouldCloseTheCasePaidWhenAKeptPlanLeavesNothingOwedAndResumeWhenItsTermsKeptThePenalties() {
    for (boolean settled : new boolean[] {true, false}) {
      open(4);
      driver.fireTimer();
      driver.complete(driver.task(), Map.of("callOutcome", "PAYMENT_PLAN"));
      String plan =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processDefinitionKey("payment-plan")
              .processInstanceBusinessKey(reference)
              .singleResult()
              .getId();
      // the plan's own paths are PaymentPlanProcessTest's; here it ends kept, with or without
      // anything left owed
      engine.getRuntimeService().setVariable(plan, "planOutcome", "COMPLETED");
      engine.getRuntimeService().setVariable(plan, "planSettled", settled);
      engine
          .getRuntimeService()
          .createProcessInstanceModification(plan)
          .cancelAllForActivity("Task_NegotiatePlan")
          .startBeforeActivity("Event_PlanCompleted")
          .execute();
      driver.settle();
      if (settled) {
        // the terms waived what accrued during the plan: no reminder for it, the case is PAID
        assertThat(instance).hasPassed("Task_ClosePlanSettled").isEnded();
        assertThat(mocks.count("closeCasePaid")).isEqualTo(1);
      } else {
        // penalties kept by the terms (B2B) and said in the plan email: the reminders resume for
        // them
        assertThat(instance)
            .hasPassed("Gateway_PlanOutcome")
            .hasNotPassed("Task_ClosePlanSettled")
            .isWaitingAt("CallActivity_AmicableReminders");
      }
    }
  }

  /**
   * A collector proposes, a supervisor decides (four eyes: the fourEyes listener, tested on its
   * own).
   */
  void escalate(String decision) {
    Task proposal = driver.task();
    assertThat(proposal.getTaskDefinitionKey()).isEqualTo("Task_ProposeEscalation");
    driver.complete(
        proposal,
        Map.of("escalationProposal", decision, "escalationProposalComment", "Relances sans effet"));
    Task approval = driver.task();
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveEscalation");
    driver.complete(
        approval, Map.of("escalationDecision", decision, "escalationComment", "D'accord"));
  }

  @Test
  void shouldOfferMediationAndReviewTheEscalationWhenItFails() {
    open(6);
    escalate("MEDIATION");
    assertThat(instance).isWaitingAt("CallActivity_Mediation");
    assertThat(mocks.statuses.history).containsExactly("MEDIATION");
    driver.complete(
        driver.task(),
        Map.of(
            "mediatorKind",
            "MEDIATEUR_DES_ENTREPRISES",
            "mediatorName",
            "Médiateur des entreprises",
            "referralDate",
            "2026-11-20",
            "mediatorReference",
            "MDE-1"));
    driver.complete(driver.task(), Map.of("mediationOutcome", "FAILED"));
    // going to court needs a new decision on fresh facts, validated again
    assertThat(instance)
        .hasPassed("Gateway_MediationOutcome")
        .isWaitingAt("Task_ProposeEscalation");
    assertThat(mocks.count("collectEscalationFacts")).isEqualTo(2);
  }

  @Test
  void shouldTurnAMediationAgreementIntoAPaymentPlan() {
    open(6);
    escalate("MEDIATION");
    driver.complete(
        driver.task(),
        Map.of(
            "mediatorKind",
            "MEDIATEUR_DES_ENTREPRISES",
            "mediatorName",
            "Médiateur des entreprises",
            "referralDate",
            "2026-11-20",
            "mediatorReference",
            "MDE-2"));
    driver.complete(driver.task(), Map.of("mediationOutcome", "AGREEMENT"));
    assertThat(instance).isWaitingAt("CallActivity_PaymentPlan");
  }

  @Test
  void shouldDecideTheEscalationOnFreshFactsThenHaveACollectorProposeAndASupervisorValidate() {
    open(6);
    assertThat(instance).hasPassed("Task_CollectEscalationFacts", "Task_DecideEscalation");
    Map<String, Object> vars = engine.getRuntimeService().getVariables(instance.getId());
    // 1,850 € with no warning sign: a formal notice with the usual period (no figure:
    // legal-deadlines decides)
    assertThat(vars)
        .containsEntry("solvencySignal", "NONE")
        .containsEntry("escalationRecommendation", "FORMAL_NOTICE")
        .containsEntry("noticeDeadlineDays", null);
    // one business-rule task evaluated the whole diagram; the forms still get what the required
    // decisions said
    assertThat(vars)
        .containsEntry("amicableStage", "EXHAUSTED")
        .containsEntry("procedureProspect", "WORTHWHILE");
    assertThat((String) vars.get("costReason")).isNotBlank();
    Task proposal = driver.task();
    assertThat(proposal.getTaskDefinitionKey()).isEqualTo("Task_ProposeEscalation");
    assertThat(engine.getTaskService().getIdentityLinksForTask(proposal.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("collectors"));
    driver.complete(
        proposal,
        Map.of(
            "escalationProposal", "AGENCY", "escalationProposalComment", "Débiteur introuvable"));
    Task approval = driver.task();
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveEscalation");
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("supervisors"));
    driver.complete(
        approval, Map.of("escalationDecision", "AGENCY", "escalationComment", "Validé"));
    assertThat(instance).isWaitingAt("Task_HandOverToAgency");
    pay(true);
    assertThat(instance).isEnded().hasPassed("Task_CloseCasePaid");
  }

  /**
   * The supervisor's confirmation of a write-off, as the write-off process asks for it (refused or
   * not).
   */
  void writeOffAnswer(boolean refused) {
    Mocks.register(
        "writeOffConfirmation",
        (org.camunda.bpm.engine.delegate.TaskListener)
            t -> t.setVariable("writeOffRefused", refused));
    Mocks.register("recordWriteOff", (org.camunda.bpm.engine.delegate.JavaDelegate) e -> {});
  }

  @Test
  void
      shouldProposeAWriteOffWhenTheAgencyRecoversNothingAndCloseTheCaseOnceASupervisorConfirmsIt() {
    writeOffAnswer(false);
    open(6);
    escalate("AGENCY");
    driver.complete(
        driver.task(),
        Map.of(
            "agencyName",
            "Agence Recouvre Sud",
            "agencyReference",
            "ARS-88",
            "agencyHandedOverOn",
            "2026-11-20"));
    assertThat(instance)
        .hasPassed("Task_RecordAgencyHandover")
        .isWaitingAt("Task_RecordAgencyResult");

    driver.complete(
        driver.task(),
        Map.of(
            "agencyName",
            "Agence Recouvre Sud",
            "agencyOutcome",
            "FAILED",
            "agencyComment",
            "Débiteur insolvable"));
    assertThat(instance).hasPassed("Gateway_AgencyOutcome").isWaitingAt("CallActivity_WriteOff");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "writeOffCause"))
        .isEqualTo("AGENCY_FAILED");

    driver.complete(driver.task(), Map.of("writeOffComment", "Rien à saisir, l'agence confirme"));
    assertThat(instance).isEnded().hasPassed("Gateway_WriteOffOutcome", "Event_CaseWrittenOff");
    assertThat(mocks.count("closeCasePaid")).isZero();
  }

  @Test
  void shouldReviewTheEscalationAgainWhenTheSupervisorRefusesTheWriteOff() {
    writeOffAnswer(true);
    open(6);
    escalate("WRITE_OFF");
    assertThat(instance).isWaitingAt("CallActivity_WriteOff");

    driver.complete(
        driver.task(), Map.of("writeOffComment", "Le débiteur vient de retrouver un emploi"));

    assertThat(instance)
        .isNotEnded()
        .hasPassed("Gateway_WriteOffOutcome")
        .hasNotPassed("Event_CaseWrittenOff");
    assertThat(driver.task().getTaskDefinitionKey()).isEqualTo("Task_ProposeEscalation");
  }

  @Test
  void shouldRestartTheCadenceFromItsFirstStepWhenTheSupervisorSaysSo() {
    open(6);
    escalate("RESUME");
    assertThat(instance).isWaitingAt("CallActivity_AmicableReminders");
    assertThat(
            ((Number) engine.getRuntimeService().getVariable(instance.getId(), "reminderStep"))
                .intValue())
        .isEqualTo(1);
    assertThat(mocks.count("collectPaymentHistory")).isEqualTo(2);
  }

  @Test
  void shouldReassessTheSegmentWhenAnInvoiceIsAdded() {
    open(1);
    engine
        .getRuntimeService()
        .createMessageCorrelation("InvoiceAdded")
        .processInstanceBusinessKey(reference)
        .correlateAll();
    assertThat(instance)
        .hasPassed("CallActivity_AfterInvoiceSegmentDebtor", "Event_InvoiceAddedHandled");
    assertThat(instance).isWaitingAt("CallActivity_AmicableReminders");
  }

  @Test
  void shouldRunTheDisputeProcessWithoutStoppingTheCaseWhenADisputeArrives() {
    open(1);
    engine
        .getRuntimeService()
        .createMessageCorrelation("DisputeRaised")
        .processInstanceId(instance.getId())
        .setVariable("disputeId", 12L)
        .correlateWithResult();
    driver.settle();
    assertThat(instance).isWaitingAt("CallActivity_Dispute", "CallActivity_AmicableReminders");
    Task dispute = driver.task();
    assertThat(dispute.getTaskDefinitionKey()).isEqualTo("Task_InvestigateDispute");
    assertThat(mocks.statuses.history).containsExactly("DISPUTED");
    driver.complete(
        dispute,
        Map.of(
            "disputeOutcome",
            "CREDIT_NOTE",
            "creditNoteNumber",
            "AV-12",
            "creditNoteAmount",
            300.0));
    assertThat(instance).hasPassed("Event_DisputeHandled");
    assertThat(mocks.statuses.history).containsExactly("DISPUTED", "AMICABLE");
  }

  @Test
  void shouldRefuseToLetTheCollectorWhoProposedTheEscalationValidateItToo() {
    org.camunda.bpm.engine.test.mock.Mocks.register(
        "fourEyes", new fr.recouvrement.security.FourEyes());
    open(6);
    try {
      engine.getIdentityService().setAuthenticatedUserId("carla");
      driver.complete(
          driver.task(),
          Map.of(
              "escalationProposal",
              "FORMAL_NOTICE",
              "escalationProposalComment",
              "Aucune réponse"));
      Task approval = driver.task();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  engine
                      .getTaskService()
                      .complete(
                          approval.getId(),
                          Map.of("escalationDecision", "FORMAL_NOTICE", "escalationComment", "ok")))
          .hasMessageContaining("carla a proposé cette escalade et ne peut pas la valider");
      assertThat(instance).isWaitingAt("Task_ApproveEscalation");

      engine.getIdentityService().setAuthenticatedUserId("sam");
      driver.complete(
          approval, Map.of("escalationDecision", "AGENCY", "escalationComment", "Validé"));
      assertThat(engine.getRuntimeService().getVariables(instance.getId()))
          .containsEntry("escalationProposer", "carla")
          .containsEntry("escalationApprover", "sam");
      assertThat(instance).isWaitingAt("Task_HandOverToAgency");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void shouldEnforceTheTitleWhenAPlanAgreedUnderItLapses() {
    open(4);
    driver.fireTimer();
    driver.complete(driver.task(), Map.of("callOutcome", "PAYMENT_PLAN"));
    // as after a small-claims agreement with payment terms: the case holds an enforceable title
    engine.getRuntimeService().setVariable(instance.getId(), "enforceableTitle", true);
    String plan =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("payment-plan")
            .processInstanceBusinessKey(reference)
            .singleResult()
            .getId();
    engine.getRuntimeService().setVariable(plan, "planOutcome", "LAPSED");
    engine
        .getRuntimeService()
        .createProcessInstanceModification(plan)
        .cancelAllForActivity("Task_NegotiatePlan")
        .startBeforeActivity("Event_PlanLapsed")
        .execute();
    driver.settle();
    assertThat(instance)
        .hasPassed("Gateway_PlanOutcome", "Gateway_EnforcementJoin")
        .isWaitingAt("CallActivity_Enforcement");
    assertThat(driver.task().getTaskDefinitionKey()).isEqualTo("Task_ChooseMeasure");
    assertThat(mocks.count("collectPaymentHistory")).as("no new amicable round").isEqualTo(1);
  }

  @Test
  void shouldStopEverythingOnAnInsolvencyYetStillHearAPaymentThatSettlesTheCase() {
    open(1);
    assertThat(instance).isWaitingAt("CallActivity_AmicableReminders");
    engine
        .getRuntimeService()
        .createMessageCorrelation("InsolvencyOpened")
        .processInstanceId(instance.getId())
        .setVariable("insolvencyProcedure", "REDRESSEMENT")
        .setVariable("publicationDate", "2026-11-20")
        .setVariable("claimDeadline", "2027-01-20")
        .correlateWithResult();
    driver.settle();
    assertThat(instance).isWaitingAt("CallActivity_InsolvencyClaim");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("amicable-reminders")
                .processInstanceBusinessKey(reference)
                .count())
        .as("the reminders stop")
        .isZero();
    assertThat(mocks.statuses.history).containsExactly("INSOLVENCY");
    assertThat(driver.task().getTaskDefinitionKey()).isEqualTo("Task_FileProofOfClaim");

    // a dividend that does not settle everything is heard and the claim goes on
    pay(false);
    assertThat(instance)
        .hasPassed("Event_DividendRecorded")
        .isWaitingAt("CallActivity_InsolvencyClaim");
    // the last payment settles the case: closed as paid, the claim process ends with it
    pay(true);
    assertThat(instance)
        .isEnded()
        .hasPassed("Task_CloseCasePaidInInsolvency", "Event_InsolvencyCasePaid");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .count())
        .isZero();
  }

  @Test
  void
      shouldStopTheRemindersOnAnAdmissibleOverIndebtednessFileAndResumeWhenTheCommissionRejectsIt() {
    open(1);
    engine
        .getRuntimeService()
        .createMessageCorrelation("OverIndebtednessAdmitted")
        .processInstanceId(instance.getId())
        .setVariable("admissibilityDate", "2026-11-20")
        .setVariable("commission", "Commission du Rhône")
        .correlateWithResult();
    driver.settle();
    assertThat(instance).isWaitingAt("CallActivity_OverIndebtedness");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("amicable-reminders")
                .processInstanceBusinessKey(reference)
                .count())
        .as("the reminders stop")
        .isZero();
    assertThat(mocks.statuses.history).containsExactly("OVER_INDEBTEDNESS");
    assertThat(mocks.count("withdrawBailiffMissions")).isEqualTo(1);

    // a payment meanwhile is heard and the file goes on
    pay(false);
    assertThat(instance)
        .hasPassed("Event_OverIndebtednessPaymentRecorded")
        .isWaitingAt("CallActivity_OverIndebtedness");

    driver.complete(
        driver.task(),
        Map.of("amountDeclaredToCommission", 1000.0, "commissionDeclaredOn", "2026-11-25"));
    engine
        .getRuntimeService()
        .createMessageCorrelation("OverIndebtednessOutcome")
        .processInstanceBusinessKey(reference)
        .setVariable("overIndebtednessOutcome", "REJECTED")
        .correlate();
    driver.settle();
    driver.complete(driver.task(), Map.of("resumeChecked", true));

    assertThat(instance).isEnded().hasPassed("Task_ResumeCollection", "Event_CollectionResumed");
    assertThat(mocks.count("resumeCollection")).isEqualTo(1);
  }
}
