package fr.recouvrement.legal.insolvency;

import fr.recouvrement.cases.CaseService.OwedOn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The claim to declare: what was owed at the end of the opening judgment's day, when interest and
 * penalties stop (C. com. L622-28), counting only payments made by then; per invoice and in total.
 */
record ClaimAtJudgment(
    LocalDate asOf,
    BigDecimal principal,
    BigDecimal latePenalties,
    BigDecimal recoveryIndemnities,
    BigDecimal total,
    List<OwedOn> invoices) {

  static ClaimAtJudgment of(LocalDate judgment, List<OwedOn> owed) {
    BigDecimal principal = sum(owed, OwedOn::principal);
    BigDecimal penalties = sum(owed, OwedOn::latePenalty);
    BigDecimal indemnities = sum(owed, OwedOn::recoveryIndemnity);
    List<OwedOn> unpaid =
        owed.stream()
            .filter(o -> o.principal().add(o.latePenalty()).add(o.recoveryIndemnity()).signum() > 0)
            .toList();
    return new ClaimAtJudgment(
        judgment,
        principal,
        penalties,
        indemnities,
        principal.add(penalties).add(indemnities),
        unpaid);
  }

  private static BigDecimal sum(List<OwedOn> owed, Function<OwedOn, BigDecimal> part) {
    return owed.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
