package fr.recouvrement.legal.enforcement;

import fr.recouvrement.cases.CaseService;
import fr.recouvrement.kernel.process.StepVariables;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "Rassembler les mesures déjà tentées": what the enforcement-measure table needs beyond the debtor
 * and the balance. Which seizures already failed on this case comes from its bailiff missions;
 * whether a bank account or an employer is known is left as the caller passed it (false when nobody
 * said), since the case does not record it yet. The table also reads the principal still owed: the
 * €535 threshold of CPCE R221-2 is "en principal", never the balance with penalties or interest.
 * {@code claimBreakdown} is the amount pursued invoice by invoice (due, undisputed invoices only),
 * which a collector hands over to the commissaire de justice with the measure.
 */
@Component("prepareEnforcement")
class PrepareEnforcement implements JavaDelegate {
  private final JdbcTemplate jdbc;
  private final CaseService cases;

  PrepareEnforcement(JdbcTemplate jdbc, CaseService cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = StepVariables.of(execution).caseReference();
    Set<String> failed = Set.copyOf(failedMeasures(reference));
    execution.setVariable("principal", cases.get(reference).principal().doubleValue());
    execution.setVariable("claimBreakdown", cases.pursued(reference).breakdown());
    execution.setVariable("bankSeizureFailed", failed.contains("BANK_SEIZURE"));
    execution.setVariable("wageSeizureFailed", failed.contains("WAGE_SEIZURE"));
    execution.setVariable("goodsSeizureFailed", failed.contains("GOODS_SEIZURE"));
    for (String known : new String[] {"bankAccountKnown", "employerKnown"}) {
      if (!(execution.getVariable(known) instanceof Boolean)) {
        execution.setVariable(known, false);
      }
    }
  }

  private List<String> failedMeasures(String reference) {
    return jdbc.queryForList(
        "select distinct m.mission_type from bailiff_mission m join collection_case c on c.id = m.case_id"
            + " where c.reference = ? and m.outcome = 'FAILED'",
        String.class,
        reference);
  }
}
