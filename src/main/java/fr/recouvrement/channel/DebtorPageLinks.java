package fr.recouvrement.channel;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The debtor's own page, linked from every message the channels write (email, SMS, letter). The
 * portal provides it; the channels only print what it gives, so they need not know the portal (and
 * the portal, which uses the channels' creditor settings and documents, stays one way).
 */
public interface DebtorPageLinks {

  /** A new personal link to the case's page for one message, or empty when the case has none. */
  Optional<Link> link(String caseReference, String issuedFor);

  /**
   * A link to print: its address, and (for a PDF letter) a QR code of it as a {@code data:} PNG.
   */
  record Link(String url, Supplier<String> qrCode) {
    public String qr() {
      return qrCode.get();
    }
  }
}
