package fr.recouvrement.channel;

import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.kernel.format.Formats;
import fr.recouvrement.money.AmountPursued;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every reminder template (email, SMS, letter) is given: the case's unpaid invoices split into
 * overdue and not yet due, the amounts, the creditor and how to pay. The overdue part is the amount
 * pursued ({@link AmountPursued}, the case's own figures): undisputed invoices past their due date,
 * with a professional's penalties and indemnities, or a consumer's legal interest since the formal
 * notice — so a reminder after a notice shows the same total as the case and the notice.
 *
 * <p>A consumer's lines carry no penalty and no indemnity at all (null, not zero), whatever the
 * case says: charging collection costs to a consumer is an offence (CPCE L111-8), so a template
 * cannot print them even by mistake. A consumer owes legal interest from the formal notice instead
 * ({@code legalInterest}, null for a professional and zero before any notice).
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
    BigDecimal legalInterest,
    LocalDate legalInterestFrom,
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

  static ReminderModel of(
      CaseView view, ReminderStep step, CreditorSettings creditor, LocalDate today) {
    boolean business = view.debtor().type() == DebtorType.BUSINESS;
    AmountPursued.Statement pursued = view.amountPursued();
    List<Line> overdue = pursued.lines().stream().map(l -> line(l, business, today)).toList();
    List<String> pursuedNumbers = overdue.stream().map(Line::number).toList();
    List<Line> upcoming =
        view.invoices().stream()
            // an invoice under an open dispute is not chased until the dispute is resolved
            .filter(
                i -> i.outstanding().signum() > 0 && !i.disputed() && !i.dueDate().isBefore(today))
            .filter(i -> !pursuedNumbers.contains(i.number()))
            .map(i -> upcoming(i, today))
            .toList();
    BigDecimal principal = sum(overdue.stream().map(Line::outstanding).toList());
    BigDecimal penalties = business ? sum(overdue.stream().map(Line::latePenalty).toList()) : null;
    BigDecimal indemnities =
        business ? sum(overdue.stream().map(Line::recoveryIndemnity).toList()) : null;
    BigDecimal interest = business ? null : money(pursued.legalInterest());
    BigDecimal due =
        business ? sum(overdue.stream().map(Line::total).toList()) : principal.add(interest);
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
        interest,
        business ? null : view.legalInterestFrom(),
        due,
        later,
        due.add(later));
  }

  /** Whether the consumer owes legal interest since a formal notice: the templates then show it. */
  public boolean showsLegalInterest() {
    return legalInterest != null && legalInterest.signum() > 0;
  }

  private static Line line(AmountPursued.Line l, boolean business, LocalDate today) {
    long late = ChronoUnit.DAYS.between(l.dueDate(), today);
    BigDecimal penalty = business ? money(l.latePenalty()) : null;
    BigDecimal indemnity = business ? money(l.recoveryIndemnity()) : null;
    BigDecimal total = business ? money(l.total()) : money(l.principal().add(l.legalInterest()));
    return new Line(
        l.number(),
        l.issueDate(),
        l.dueDate(),
        late,
        money(l.principal()),
        penalty,
        indemnity,
        total);
  }

  private static Line upcoming(CaseView.Invoice i, LocalDate today) {
    long late = ChronoUnit.DAYS.between(i.dueDate(), today);
    return new Line(
        i.number(),
        i.issueDate(),
        i.dueDate(),
        late,
        money(i.outstanding()),
        null,
        null,
        money(i.outstanding()));
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
    return amounts.stream()
        .map(ReminderModel::money)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_UP);
  }
}
