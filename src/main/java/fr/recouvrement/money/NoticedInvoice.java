package fr.recouvrement.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An invoice a formal notice claimed, as the notice recorded it: the day the notice was sent, from
 * which a consumer's legal interest runs on this invoice (C. civ. 1231-6, 1344-1), and the unpaid
 * principal it claimed, the most that interest can run on. An invoice no notice claimed (not yet
 * due then, or disputed) bears no legal interest.
 */
public record NoticedInvoice(long invoiceId, LocalDate noticeDate, BigDecimal principalClaimed) {
  public NoticedInvoice {
    Objects.requireNonNull(noticeDate);
    Objects.requireNonNull(principalClaimed);
  }
}
