package fr.recouvrement.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.recouvrement.money.CaseBalance.InvoiceBalance;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The amount pursued on a day D: what a formal notice, a court claim (small claims or order to
 * pay), a bailiff mission or a proof of claim asks the debtor for. Only invoices already due on D
 * (due before D) and not under an open dispute are pursued, each with what the law adds to it: late
 * penalties and the €40 recovery indemnity for a professional (C. com. L441-10, D441-5), legal
 * interest since the formal notice for a consumer (C. civ. 1231-6, 1344-1). A disputed invoice, or
 * one not yet due, is never in the amount: it is listed apart with the reason, so that a document
 * can say why — except in a proof of claim, which declares sums to fall due too ({@link
 * #toDeclare}). Pure: every caller gets the same figures from the same case balance. The case JSON
 * shows it as {@code amountPursued} (our invoice row ids stay inside).
 */
public final class AmountPursued {
  private static final Comparator<Line> OLDEST_FIRST =
      Comparator.comparing(Line::dueDate).thenComparing(Line::number);

  private AmountPursued() {}

  /** An invoice of the case with the facts the amount pursued depends on. */
  public record Invoice(
      long invoiceId, String number, LocalDate issueDate, LocalDate dueDate, boolean disputed) {}

  /** Why an unpaid invoice is not in the amount pursued. */
  public enum Reason {
    /** Under an open dispute: not claimed until it is resolved. */
    DISPUTED,
    /** Not yet due on the day: not late, nothing to claim yet. */
    NOT_DUE
  }

  /**
   * One pursued invoice and what is claimed on it; penalty and indemnity are zero for a consumer,
   * interest for a professional.
   */
  public record Line(
      @JsonIgnore long invoiceId,
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal principal,
      BigDecimal latePenalty,
      BigDecimal recoveryIndemnity,
      BigDecimal legalInterest,
      BigDecimal total) {}

  /**
   * An unpaid invoice left out of the amount, and why; {@code owed} is what is owed on it all the
   * same.
   */
  public record LeftOut(
      @JsonIgnore long invoiceId,
      String number,
      LocalDate dueDate,
      BigDecimal owed,
      Reason reason) {}

  /**
   * The amount pursued on {@code day}, invoice by invoice, oldest first.
   *
   * @param balance the case's balance as of {@code day}
   */
  public static Statement on(LocalDate day, List<Invoice> invoices, CaseBalance balance) {
    return statement(day, invoices, balance, false);
  }

  /**
   * The claim to declare in a procédure collective whose opening judgment is of {@code day}: as
   * {@link #on}, except that an invoice not yet due that day is in the amount too, for what it owes
   * then — a claim is declared even when it has yet to fall due (C. com. L622-24, R622-23 sums to
   * fall due). A disputed invoice stays apart, for the collector to mention as under dispute.
   *
   * @param balance the case's balance as of {@code day}, charges stopped that day (L622-28)
   */
  public static Statement toDeclare(LocalDate day, List<Invoice> invoices, CaseBalance balance) {
    return statement(day, invoices, balance, true);
  }

  private static Statement statement(
      LocalDate day, List<Invoice> invoices, CaseBalance balance, boolean sumsToFallDue) {
    List<Line> lines = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    for (Invoice invoice : invoices) {
      InvoiceBalance owed = balance.invoice(invoice.invoiceId()).orElse(null);
      if (owed == null || owed.total().signum() <= 0) {
        continue; // nothing owed on it: nothing to claim, nothing to explain
      }
      if (invoice.disputed()) {
        leftOut.add(
            new LeftOut(
                invoice.invoiceId(),
                invoice.number(),
                invoice.dueDate(),
                Money.cents(owed.total()),
                Reason.DISPUTED));
      } else if (!sumsToFallDue && !invoice.dueDate().isBefore(day)) {
        leftOut.add(
            new LeftOut(
                invoice.invoiceId(),
                invoice.number(),
                invoice.dueDate(),
                Money.cents(owed.total()),
                Reason.NOT_DUE));
      } else {
        lines.add(
            new Line(
                invoice.invoiceId(),
                invoice.number(),
                invoice.issueDate(),
                invoice.dueDate(),
                Money.cents(owed.principal()),
                Money.cents(owed.latePenalty()),
                Money.cents(owed.recoveryIndemnity()),
                Money.cents(owed.legalInterest()),
                Money.cents(owed.total())));
      }
    }
    lines.sort(OLDEST_FIRST);
    leftOut.sort(Comparator.comparing(LeftOut::dueDate).thenComparing(LeftOut::number));
    BigDecimal total = sum(lines, Line::total);
    BigDecimal indemnities = sum(lines, Line::recoveryIndemnity);
    return new Statement(
        day,
        total,
        total.subtract(indemnities),
        sum(lines, Line::principal),
        sum(lines, Line::latePenalty),
        indemnities,
        sum(lines, Line::legalInterest),
        List.copyOf(lines),
        List.copyOf(leftOut));
  }

  private static BigDecimal sum(List<Line> lines, Function<Line, BigDecimal> part) {
    return lines.stream().map(part).reduce(Money.ZERO, BigDecimal::add);
  }

  /**
   * The amount pursued on {@code day}: the pursued lines, their totals, and the unpaid invoices
   * left out.
   *
   * @param total everything claimed: principal, penalties, indemnities, interest
   * @param principalAndInterest the total less the €40 indemnities — late penalties are interest
   *     (L441-10), the indemnity is not: the figure CPCE R125-1 compares with 5,000 € for the
   *     small-claims procedure
   */
  public record Statement(
      LocalDate day,
      BigDecimal total,
      BigDecimal principalAndInterest,
      BigDecimal principal,
      BigDecimal latePenalties,
      BigDecimal recoveryIndemnities,
      BigDecimal legalInterest,
      List<Line> lines,
      List<LeftOut> leftOut) {

    /** The invoice numbers pursued, oldest first: "F-1, F-2". */
    public String invoiceNumbers() {
      return lines.stream().map(Line::number).collect(Collectors.joining(", "));
    }

    /**
     * The breakdown as a French text: the totals, then one line per invoice and what was left out —
     * what a Tasklist form or a proof of claim shows a collector. Kept under {@link #TEXT_LIMIT}
     * characters (a process variable): past it, the last lines give way to a count.
     */
    public String breakdown() {
      List<String> rows = new ArrayList<>();
      rows.add(
          "Total poursuivi : %s (principal et intérêts : %s)"
              .formatted(euros(total), euros(principalAndInterest)));
      for (Line l : lines) {
        String due = l.dueDate().isBefore(day) ? " échue le " : " à échoir le ";
        StringBuilder row =
            new StringBuilder("Facture ")
                .append(l.number())
                .append(due)
                .append(date(l.dueDate()))
                .append(" : principal ")
                .append(euros(l.principal()));
        if (l.latePenalty().signum() > 0 || l.recoveryIndemnity().signum() > 0) {
          row.append(", pénalités ")
              .append(euros(l.latePenalty()))
              .append(", indemnité forfaitaire ")
              .append(euros(l.recoveryIndemnity()));
        }
        if (l.legalInterest().signum() > 0) {
          row.append(", intérêts au taux légal ").append(euros(l.legalInterest()));
        }
        rows.add(row.append(", total ").append(euros(l.total())).toString());
      }
      for (LeftOut o : leftOut) {
        rows.add(
            "Non comprise : facture %s (%s), %s"
                .formatted(
                    o.number(),
                    euros(o.owed()),
                    o.reason() == Reason.DISPUTED ? "contestée" : "non échue au " + date(day)));
      }
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < rows.size(); i++) {
        String more = "\n… et %d autres lignes (voir le dossier)".formatted(rows.size() - i);
        if (text.length() + rows.get(i).length() + 1 + more.length() > TEXT_LIMIT) {
          return text.append(more).toString();
        }
        text.append(i == 0 ? "" : "\n").append(rows.get(i));
      }
      return text.toString();
    }

    /** The longest text a process variable keeps as a plain string (Camunda's column is 4,000). */
    static final int TEXT_LIMIT = 3_900;

    private static String date(LocalDate d) {
      return d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private static String euros(BigDecimal amount) {
      DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
      symbols.setGroupingSeparator(' ');
      return new DecimalFormat("#,##0.00", symbols).format(amount) + " €";
    }
  }
}
