package fr.recouvrement.money;

import fr.recouvrement.money.Allocation.Part;
import fr.recouvrement.money.AllocationRules.Component;
import fr.recouvrement.money.AllocationRules.Priority;
import fr.recouvrement.money.CaseBalance.InvoiceBalance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The money rules of a case, on one version of the rate table: what is owed on a given day, and how
 * a payment is allocated. Pure: no database, no clock.
 *
 * <p>A consumer never owes a late penalty or a recovery indemnity (they are B2B rules and charging
 * collection costs to a consumer is an offence, CPCE L111-8): both are zero for a consumer.
 *
 * <p>Every half-year whose figures came from a stand-in row (the table lacks its own) is noted:
 * {@link #ratesToConfirm()} tells the case to show it, so no figure is silently estimated.
 */
public final class Ledger {
  private final WatchedRates rates;
  private final LatePenalties penalties;
  private final LegalInterest legalInterest;

  /** The last day charges accrue (an opening judgment, C. com. L622-28); null when they run on. */
  private final LocalDate chargesStopOn;

  public Ledger(RateTable rates) {
    this(new WatchedRates(rates), null);
  }

  private Ledger(WatchedRates rates, LocalDate chargesStopOn) {
    this.rates = rates;
    this.penalties = new LatePenalties(this.rates);
    this.legalInterest = new LegalInterest(this.rates);
    this.chargesStopOn = chargesStopOn;
  }

  /**
   * The same rules with late penalties and interest stopped at the end of {@code day}: the opening
   * judgment of a procédure collective stops them (C. com. L622-28). A payment after that day still
   * lowers the principal; the charges it finds are those of that day. Null: no stop.
   */
  public Ledger chargesStoppedOn(LocalDate day) {
    return new Ledger(rates, day);
  }

  /** The day charges are counted to when asked for {@code asOf}. */
  private LocalDate chargeDay(LocalDate asOf) {
    return chargesStopOn != null && asOf.isAfter(chargesStopOn) ? chargesStopOn : asOf;
  }

  /** The half-years, in order, whose figures this ledger used without a row of their own so far. */
  public List<HalfYear> ratesToConfirm() {
    synchronized (rates.standIns) {
      return List.copyOf(rates.standIns);
    }
  }

  /**
   * The balance of a case whose consumer debtor received a formal notice on {@code
   * legalInterestFrom}, when the notice did not record what it claimed (notices sent before their
   * lines were kept): it is taken to have claimed every invoice already due on that date, with the
   * principal then unpaid. See {@link #balance(boolean, List, LocalDate, List, BigDecimal)}.
   */
  public CaseBalance balance(
      boolean professionalDebtor,
      List<InvoiceAccount> invoices,
      LocalDate asOf,
      LocalDate legalInterestFrom,
      BigDecimal interestPaid) {
    return balance(
        professionalDebtor, invoices, asOf, noticedFrom(invoices, legalInterestFrom), interestPaid);
  }

  /**
   * The balance of a case whose consumer debtor received formal notices: legal interest runs only
   * on the invoices a notice claimed, from the day that notice was sent (the first one, when
   * several claimed the same invoice), on the unpaid principal — at most what the notice claimed —
   * at the legal rate for "all other cases" (the creditor is a business), C. civ. 1231-6 and
   * 1344-1, and no further than the day charges stop (an opening judgment, C. com. L622-28). An
   * invoice not yet due at the notice, or disputed then, was not claimed: it bears none. Payments
   * pay interest first (C. civ. 1343-1, recorded per invoice); interest the creditor waived (a kept
   * payment plan) is no longer owed. {@code interestPaid} is the unallocated part of payments
   * recorded before that rule, which paid interest too, oldest invoice first. A professional debtor
   * owes late penalties and no legal interest on top: {@code noticed} is ignored for it.
   */
  public CaseBalance balance(
      boolean professionalDebtor,
      List<InvoiceAccount> invoices,
      LocalDate asOf,
      List<NoticedInvoice> noticed,
      BigDecimal interestPaid) {
    if (professionalDebtor || noticed.isEmpty()) {
      return balance(professionalDebtor, invoices, asOf);
    }
    Map<Long, BigDecimal> accrued = legalInterestByInvoice(invoices, noticed, chargeDay(asOf));
    BigDecimal unallocated = interestPaid;
    List<InvoiceBalance> lines = new ArrayList<>();
    for (InvoiceAccount invoice : invoices.stream().sorted(InvoiceAccount.OLDEST_FIRST).toList()) {
      BigDecimal interest =
          accrued
              .getOrDefault(invoice.invoiceId(), Money.ZERO)
              .subtract(invoice.interestPaid())
              .subtract(invoice.chargesWaived());
      // interest paid and then waived (a kept payment plan) counts for the principal
      BigDecimal principal =
          invoice
              .principalOutstanding()
              .subtract(interest.negate().max(Money.ZERO))
              .max(Money.ZERO);
      BigDecimal owed = interest.max(Money.ZERO);
      BigDecimal paidHere = unallocated.min(owed).max(Money.ZERO);
      unallocated = unallocated.subtract(paidHere);
      lines.add(
          new InvoiceBalance(
              invoice.invoiceId(),
              Money.cents(principal),
              Money.ZERO,
              Money.ZERO,
              Money.cents(owed.subtract(paidHere))));
    }
    return new CaseBalance(lines);
  }

  /**
   * The late penalties (B2B) or legal interest (a consumer after a formal notice on {@code
   * legalInterestFrom}, claiming the invoices then due) each invoice accrued from the end of {@code
   * from} to the end of {@code to}, paid or not: what a payment plan whose terms waive the charges
   * of its duration gives up once it is kept.
   */
  public Map<Long, BigDecimal> chargesAccrued(
      boolean professionalDebtor,
      List<InvoiceAccount> invoices,
      LocalDate from,
      LocalDate to,
      LocalDate legalInterestFrom) {
    return chargesAccrued(
        professionalDebtor, invoices, from, to, noticedFrom(invoices, legalInterestFrom));
  }

  /** As above, legal interest running only on the invoices the sent notices claimed. */
  public Map<Long, BigDecimal> chargesAccrued(
      boolean professionalDebtor,
      List<InvoiceAccount> invoices,
      LocalDate from,
      LocalDate to,
      List<NoticedInvoice> noticed) {
    Map<Long, BigDecimal> accrued = new LinkedHashMap<>();
    Map<Long, BigDecimal> interestTo =
        professionalDebtor ? Map.of() : legalInterestByInvoice(invoices, noticed, to);
    Map<Long, BigDecimal> interestFrom =
        professionalDebtor ? Map.of() : legalInterestByInvoice(invoices, noticed, from);
    for (InvoiceAccount invoice : invoices) {
      BigDecimal during;
      if (professionalDebtor) {
        during = penalties.accrued(invoice, to).subtract(penalties.accrued(invoice, from));
      } else {
        during =
            interestTo
                .getOrDefault(invoice.invoiceId(), Money.ZERO)
                .subtract(interestFrom.getOrDefault(invoice.invoiceId(), Money.ZERO));
      }
      if (during.signum() > 0) {
        accrued.put(invoice.invoiceId(), Money.cents(during));
      }
    }
    return accrued;
  }

  private static List<NoticedInvoice> noticedFrom(
      List<InvoiceAccount> invoices, LocalDate legalInterestFrom) {
    return legalInterestFrom == null ? List.of() : claimedByANoticeOf(invoices, legalInterestFrom);
  }

  /**
   * What a formal notice sent on {@code noticeDate} claimed when it did not record its lines: the
   * invoices already due that day, with the principal unpaid at its end.
   */
  public static List<NoticedInvoice> claimedByANoticeOf(
      List<InvoiceAccount> invoices, LocalDate noticeDate) {
    return invoices.stream()
        .filter(i -> i.dueDate().isBefore(noticeDate))
        .map(
            i ->
                new NoticedInvoice(
                    i.invoiceId(),
                    noticeDate,
                    i.principalOutstandingDuring(noticeDate.plusDays(1))))
        .filter(n -> n.principalClaimed().signum() > 0)
        .toList();
  }

  /**
   * Legal interest accrued on each noticed invoice up to {@code asOf}, before any payment of it.
   */
  Map<Long, BigDecimal> legalInterestByInvoice(
      List<InvoiceAccount> invoices, List<NoticedInvoice> noticed, LocalDate asOf) {
    Map<Long, NoticedInvoice> first = new HashMap<>();
    for (NoticedInvoice n : noticed) {
      first.merge(n.invoiceId(), n, (a, b) -> b.noticeDate().isBefore(a.noticeDate()) ? b : a);
    }
    Map<Long, BigDecimal> interest = new HashMap<>();
    for (InvoiceAccount invoice : invoices) {
      NoticedInvoice n = first.get(invoice.invoiceId());
      if (n == null) {
        continue; // never claimed by a notice: no legal interest
      }
      LocalDate start =
          invoice.dueDate().isAfter(n.noticeDate()) ? invoice.dueDate() : n.noticeDate();
      if (!start.isBefore(asOf)) {
        continue;
      }
      List<Settlement> principalPaid =
          invoice.settlements().stream()
              .filter(s -> s.principal().signum() > 0)
              .map(s -> Settlement.principal(s.date(), s.principal()))
              .toList();
      // never on more than the notice claimed: the base is lowered by what was unpaid but not
      // claimed
      BigDecimal unclaimed =
          invoice
              .principalOutstandingDuring(start.plusDays(1))
              .subtract(n.principalClaimed())
              .max(BigDecimal.ZERO);
      interest.put(
          invoice.invoiceId(),
          legalInterest.interest(
              invoice.amount().subtract(unclaimed),
              principalPaid,
              start,
              asOf,
              Rates.Creditor.PROFESSIONAL));
    }
    return interest;
  }

  /** What is still owed on each invoice at the end of {@code asOf}. */
  public CaseBalance balance(
      boolean professionalDebtor, List<InvoiceAccount> invoices, LocalDate asOf) {
    return new CaseBalance(
        invoices.stream()
            .sorted(InvoiceAccount.OLDEST_FIRST)
            .map(i -> owed(professionalDebtor, i, asOf))
            .toList());
  }

  /**
   * Allocates a payment received on {@code valueDate} (C. civ. 1342-10, 1343-1), in the order the
   * {@code rules} give: first the invoices the payment names ({@code named}, invoice ids), then by
   * rank (due before not yet due, undisputed before disputed as shipped); within a rank, the debt
   * the debtor has most interest to pay — the one bearing the highest penalty rate — then the
   * oldest. Within an invoice, its parts in the rule's order (interest and penalty, principal, the
   * indemnity last as shipped). Charges are taken as of the value date, so paying the balance
   * quoted for that day settles the case. Whatever exceeds the balance stays unallocated, never
   * dropped. A consumer's legal interest is that of a notice sent on {@code legalInterestFrom}
   * claiming the invoices then due.
   */
  public Allocation allocate(
      boolean professionalDebtor,
      List<InvoiceAccount> invoices,
      BigDecimal amount,
      LocalDate valueDate,
      LocalDate legalInterestFrom,
      Set<Long> named,
      AllocationRules rules) {
    return allocateAfterNotices(
        professionalDebtor,
        invoices,
        amount,
        valueDate,
        noticedFrom(invoices, legalInterestFrom),
        named,
        rules);
  }

  /**
   * As {@link #allocate}, a consumer's legal interest running only on the invoices the sent notices
   * claimed ({@code noticed}).
   */
  public Allocation allocateAfterNotices(
      boolean professionalDebtor,
      List<InvoiceAccount> invoices,
      BigDecimal amount,
      LocalDate valueDate,
      List<NoticedInvoice> noticed,
      Set<Long> named,
      AllocationRules rules) {
    Map<Long, BigDecimal> interest =
        professionalDebtor || noticed.isEmpty()
            ? Map.of()
            : legalInterestByInvoice(invoices, noticed, chargeDay(valueDate));
    record Queued(InvoiceAccount invoice, Priority priority, BigDecimal rate) {}
    List<Queued> queue = new ArrayList<>();
    for (InvoiceAccount invoice : invoices) {
      boolean due = !invoice.dueDate().isAfter(valueDate);
      Priority priority =
          rules.priorityOf(named.contains(invoice.invoiceId()), due, invoice.disputed());
      BigDecimal rate =
          professionalDebtor && due
              ? rates
                  .ratesFor(HalfYear.of(valueDate))
                  .latePenaltyRate(invoice.contractualPenaltyRate())
              : BigDecimal.ZERO;
      queue.add(new Queued(invoice, priority, rate));
    }
    queue.sort(
        Comparator.comparingInt((Queued q) -> q.priority().rank())
            .thenComparing(Queued::rate, Comparator.reverseOrder())
            .thenComparing(q -> q.invoice().dueDate())
            .thenComparingLong(q -> q.invoice().invoiceId()));

    BigDecimal remaining = amount;
    List<Part> parts = new ArrayList<>();
    for (Queued q : queue) {
      InvoiceBalance owed = owed(professionalDebtor, q.invoice(), valueDate);
      Map<Component, BigDecimal> due = new EnumMap<>(Component.class);
      due.put(Component.PRINCIPAL, owed.principal());
      due.put(Component.PENALTY, owed.latePenalty());
      due.put(Component.INDEMNITY, owed.recoveryIndemnity());
      due.put(
          Component.INTEREST,
          professionalDebtor
              ? Money.ZERO
              : interest
                  .getOrDefault(q.invoice().invoiceId(), Money.ZERO)
                  .subtract(q.invoice().interestPaid())
                  .subtract(q.invoice().chargesWaived())
                  .max(Money.ZERO));
      Map<Component, BigDecimal> paid = new EnumMap<>(Component.class);
      for (Component c : Component.values()) {
        paid.put(c, Money.ZERO);
      }
      for (Component c : q.priority().order()) {
        BigDecimal take = remaining.min(due.get(c));
        paid.put(c, take);
        remaining = remaining.subtract(take);
      }
      Part part =
          new Part(
              q.invoice().invoiceId(),
              paid.get(Component.PRINCIPAL),
              paid.get(Component.PENALTY),
              paid.get(Component.INDEMNITY),
              paid.get(Component.INTEREST));
      if (part.total().signum() > 0) {
        parts.add(part);
      }
    }
    return new Allocation(parts, remaining, rates.version());
  }

  private InvoiceBalance owed(boolean professionalDebtor, InvoiceAccount invoice, LocalDate asOf) {
    BigDecimal principal = invoice.principalOutstanding();
    if (!professionalDebtor) {
      return new InvoiceBalance(
          invoice.invoiceId(), Money.cents(principal), Money.ZERO, Money.ZERO);
    }
    BigDecimal penalty =
        penalties
            .accrued(invoice, chargeDay(asOf))
            .subtract(invoice.penaltyPaid())
            .subtract(invoice.chargesWaived());
    BigDecimal indemnity =
        penalties.recoveryIndemnity(invoice, chargeDay(asOf)).subtract(invoice.indemnityPaid());
    // penalties paid and then waived (a kept payment plan) count for the indemnity, then the
    // principal
    BigDecimal credit = penalty.negate().max(Money.ZERO);
    BigDecimal toIndemnity = credit.min(indemnity.max(Money.ZERO));
    indemnity = indemnity.subtract(toIndemnity);
    principal = principal.subtract(credit.subtract(toIndemnity)).max(Money.ZERO);
    return new InvoiceBalance(
        invoice.invoiceId(),
        Money.cents(principal),
        Money.cents(penalty.max(Money.ZERO)),
        Money.cents(indemnity.max(Money.ZERO)));
  }

  /** The rate table, noting each half-year answered by a stand-in row. */
  private static final class WatchedRates implements RateTable {
    private final RateTable table;
    private final Set<HalfYear> standIns = new TreeSet<>();

    WatchedRates(RateTable table) {
      this.table = table;
    }

    @Override
    public Rates ratesFor(HalfYear halfYear) {
      Rates found = table.ratesFor(halfYear);
      if (!found.confirmed()) {
        synchronized (standIns) {
          standIns.add(halfYear);
        }
      }
      return found;
    }

    @Override
    public String version() {
      return table.version();
    }
  }
}
