package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.DebtorType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every reminder template (email, SMS, letter) is given: the case's unpaid invoices split into
 * overdue and not yet due, the amounts, the creditor and how to pay.
 *
 * <p>A consumer's lines carry no penalty and no indemnity at all (null, not zero) and its amounts
 * are unpaid principal only, whatever the case says: charging collection costs to a consumer is an
 * offence (CPCE L111-8), so a template cannot print them even by mistake.
 */
record ReminderModel(
    String reference,
    String template,
    String tone,
    LocalDate today,
    CaseView.Debtor debtor,
    boolean business,
    CreditorSettings creditor,
    List<Line> overdue,
    List<Line> upcoming,
    BigDecimal overduePrincipal,
    BigDecimal latePenalties,
    BigDecimal recoveryIndemnities,
    BigDecimal amountDue,
    BigDecimal upcomingAmount,
    BigDecimal balance) {

  /** One unpaid invoice; {@code total} is what it costs the debtor now. */
  record Line(
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      long daysLate,
      BigDecimal outstanding,
      BigDecimal latePenalty,
      BigDecimal recoveryIndemnity,
      BigDecimal total) {}

  static ReminderModel of(CaseView view, ReminderStep step, CreditorSettings creditor, LocalDate today) {
    boolean business = view.debtor().type() == DebtorType.BUSINESS;
    List<Line> lines =
        view.invoices().stream()
            // an invoice under an open dispute is not chased until the dispute is resolved
            .filter(i -> i.outstanding().signum() > 0 && !i.disputed())
            .map(i -> line(i, business, today))
            .toList();
    List<Line> overdue = lines.stream().filter(l -> l.daysLate() > 0).toList();
    List<Line> upcoming = lines.stream().filter(l -> l.daysLate() <= 0).toList();
    BigDecimal principal = sum(overdue.stream().map(Line::outstanding).toList());
    BigDecimal penalties = business ? sum(overdue.stream().map(Line::latePenalty).toList()) : null;
    BigDecimal indemnities = business ? sum(overdue.stream().map(Line::recoveryIndemnity).toList()) : null;
    BigDecimal due = sum(overdue.stream().map(Line::total).toList());
    BigDecimal later = sum(upcoming.stream().map(Line::total).toList());
    return new ReminderModel(
        view.reference(),
        step.template(),
        step.tone(),
        today,
        view.debtor(),
        business,
        creditor,
        overdue,
        upcoming,
        principal,
        penalties,
        indemnities,
        due,
        later,
        due.add(later));
  }

  private static Line line(CaseView.Invoice i, boolean business, LocalDate today) {
    long late = ChronoUnit.DAYS.between(i.dueDate(), today);
    BigDecimal penalty = business && late > 0 ? money(i.latePenalty()) : null;
    BigDecimal indemnity = business && late > 0 ? money(i.recoveryIndemnity()) : null;
    BigDecimal total = i.outstanding();
    if (penalty != null) {
      total = total.add(penalty).add(indemnity);
    }
    return new Line(i.number(), i.issueDate(), i.dueDate(), late, money(i.outstanding()), penalty, indemnity, money(total));
  }

  /** Nothing unpaid: no reminder to send. */
  boolean nothingDue() {
    return overdue.isEmpty() && upcoming.isEmpty();
  }

  /** The variables of a template. */
  Map<String, Object> variables() {
    Map<String, Object> v = new HashMap<>();
    v.put("m", this);
    v.put("fmt", Formats.INSTANCE);
    return v;
  }

  private static BigDecimal money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream().map(ReminderModel::money).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
  }
}
