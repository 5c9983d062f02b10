package fr.recouvrement.legal.notice;

import fr.recouvrement.cases.CaseView;
import fr.recouvrement.cases.DebtorType;
import fr.recouvrement.channel.CreditorSettings;
import fr.recouvrement.money.AmountPursued;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the formal notice (mise en demeure) says, from the amount pursued on the day it is written
 * ({@link AmountPursued}): every unpaid invoice already due and not disputed, the breakdown
 * principal / late penalties / recovery indemnity / interest per invoice and in total, the invoices
 * left out and why (disputed, not yet due), the deadline, the creditor and the debtor.
 *
 * <p>A consumer's lines carry no penalty and no indemnity at all (null, not zero): they are B2B
 * rules (C. com. L441-10, D441-5) and charging collection costs to a consumer is an offence (CPCE
 * L111-8). A consumer owes legal interest from the notice instead (C. civ. 1231-6, 1344-1), on the
 * amounts this notice claims.
 *
 * <p>The letter gives the debtor {@code deadlineDays} from its first presentation, not a date: the
 * deadline runs from the day it is posted or delivered (see {@link FormalNotices}), which the date
 * printed on it cannot know. {@code deadline} is that deadline were it posted the day it is
 * written.
 *
 * @param today the date of the letter
 * @param interest legal interest already owed (a consumer under an earlier notice); null for a
 *     professional
 * @param claimed the amount pursued the letter states, which the notice records line by line
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
    List<AmountPursued.LeftOut> leftOut,
    BigDecimal principal,
    BigDecimal latePenalties,
    BigDecimal recoveryIndemnities,
    BigDecimal interest,
    BigDecimal total,
    AmountPursued.Statement claimed) {

  static final String TEMPLATE = "mise-en-demeure";
  private static final Pattern CITY = Pattern.compile("\\b\\d{5}\\s+(.+)$");

  /**
   * One claimed invoice; penalty and indemnity are null for a consumer, interest null for a
   * professional.
   */
  record Line(
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal outstanding,
      BigDecimal latePenalty,
      BigDecimal recoveryIndemnity,
      BigDecimal interest,
      BigDecimal total) {}

  static NoticeLetter of(
      CaseView view,
      AmountPursued.Statement pursued,
      CreditorSettings creditor,
      LocalDate today,
      int deadlineDays) {
    boolean business = view.debtor().type() == DebtorType.BUSINESS;
    if (pursued.lines().isEmpty()) {
      throw new IllegalStateException(
          "Case %s: no unpaid invoice past its due date and undisputed, there is nothing to put in a formal notice"
              .formatted(view.reference()));
    }
    List<Line> lines = pursued.lines().stream().map(l -> line(l, business)).toList();
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
        pursued.leftOut(),
        pursued.principal(),
        business ? pursued.latePenalties() : null,
        business ? pursued.recoveryIndemnities() : null,
        business ? null : pursued.legalInterest(),
        pursued.total(),
        pursued);
  }

  /**
   * Whether a consumer's lines already bear interest (an earlier notice): the letter then shows the
   * column.
   */
  public boolean interestPerLine() {
    return !business && interest.signum() > 0;
  }

  Map<String, Object> variables() {
    return Map.of("m", this);
  }

  private static Line line(AmountPursued.Line l, boolean business) {
    return new Line(
        l.number(),
        l.issueDate(),
        l.dueDate(),
        l.principal(),
        business ? l.latePenalty() : null,
        business ? l.recoveryIndemnity() : null,
        business ? null : l.legalInterest(),
        l.total());
  }

  /** "Fait à Paris": the city of the creditor's address ("10 rue de la Paix, 75002 Paris"). */
  static String place(CreditorSettings creditor) {
    String address = creditor.address() == null ? "" : creditor.address().trim();
    Matcher city = CITY.matcher(address);
    return city.find() ? city.group(1).trim() : address;
  }
}
