package fr.recouvrement.legal.notice;

import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.channel.CreditorSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the formal notice (mise en demeure) says, from the case as it stands on the day it is
 * written: every unpaid invoice already due, the breakdown principal / late penalties / recovery
 * indemnity / interest, the total, the deadline, the creditor and the debtor.
 *
 * <p>A consumer's lines carry no penalty and no indemnity at all (null, not zero): they are B2B
 * rules (C. com. L441-10, D441-5) and charging collection costs to a consumer is an offence (CPCE
 * L111-8). A consumer owes legal interest from the notice instead (C. civ. 1231-6, 1344-1).
 *
 * <p>The letter gives the debtor {@code deadlineDays} from its first presentation, not a date: the
 * deadline runs from the day it is posted or delivered (see {@link FormalNotices}), which the date
 * printed on it cannot know. {@code deadline} is that deadline were it posted the day it is written.
 *
 * @param today the date of the letter
 * @param interest legal interest already owed (a consumer under an earlier notice); null for a professional
 */
record NoticeLetter(
    String reference,
    LocalDate today,
    String place,
    CaseView.Debtor debtor,
    boolean business,
    CreditorSettings creditor,
    int deadlineDays,
    LocalDate deadline,
    List<Line> lines,
    BigDecimal principal,
    BigDecimal latePenalties,
    BigDecimal recoveryIndemnities,
    BigDecimal interest,
    BigDecimal total) {

  static final String TEMPLATE = "mise-en-demeure";
  private static final Pattern CITY = Pattern.compile("\\b\\d{5}\\s+(.+)$");

  record Line(
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal outstanding,
      BigDecimal latePenalty,
      BigDecimal recoveryIndemnity,
      BigDecimal total) {}

  static NoticeLetter of(CaseView view, CreditorSettings creditor, LocalDate today, int deadlineDays) {
    boolean business = view.debtor().type() == DebtorType.BUSINESS;
    List<Line> lines =
        view.invoices().stream()
            // a disputed invoice is not claimed until its dispute is resolved; an invoice not yet due is not late
            .filter(i -> i.outstanding().signum() > 0 && !i.disputed() && i.dueDate().isBefore(today))
            .map(i -> line(i, business))
            .toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException(
          "Case %s: no unpaid invoice past its due date, there is nothing to put in a formal notice".formatted(view.reference()));
    }
    BigDecimal principal = sum(lines.stream().map(Line::outstanding).toList());
    BigDecimal penalties = business ? sum(lines.stream().map(Line::latePenalty).toList()) : null;
    BigDecimal indemnities = business ? sum(lines.stream().map(Line::recoveryIndemnity).toList()) : null;
    BigDecimal interest = business ? null : money(view.legalInterest());
    BigDecimal total = principal;
    if (business) {
      total = total.add(penalties).add(indemnities);
    } else {
      total = total.add(interest);
    }
    return new NoticeLetter(
        view.reference(),
        today,
        place(creditor),
        view.debtor(),
        business,
        creditor,
        deadlineDays,
        today.plusDays(deadlineDays),
        lines,
        principal,
        penalties,
        indemnities,
        interest,
        total);
  }

  Map<String, Object> variables() {
    return Map.of("m", this);
  }

  private static Line line(CaseView.Invoice i, boolean business) {
    BigDecimal penalty = business ? money(i.latePenalty()) : null;
    BigDecimal indemnity = business ? money(i.recoveryIndemnity()) : null;
    BigDecimal total = money(i.outstanding());
    if (business) {
      total = total.add(penalty).add(indemnity);
    }
    return new Line(i.number(), i.issueDate(), i.dueDate(), money(i.outstanding()), penalty, indemnity, total);
  }

  /** "Fait à Paris": the city of the creditor's address ("10 rue de la Paix, 75002 Paris"). */
  static String place(CreditorSettings creditor) {
    String address = creditor.address() == null ? "" : creditor.address().trim();
    Matcher city = CITY.matcher(address);
    return city.find() ? city.group(1).trim() : address;
  }

  private static BigDecimal money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream().map(NoticeLetter::money).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
  }
}
