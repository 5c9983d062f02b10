package fr.recouvrement.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The creditor as printed on reminders and letters ({@code recouvrement.creditor.*}): who is owed,
 * and where the debtor pays; {@code mediator} ({@code recouvrement.creditor.mediator.name /
 * .address / .website}) is the consumer mediator the creditor has chosen, whom it must name to a
 * consumer whose complaint it rejects (C. consom. L612-1, L616-1).
 */
@ConfigurationProperties("recouvrement.creditor")
public record CreditorSettings(
    String name,
    String siren,
    String address,
    String iban,
    String email,
    String phone,
    Mediator mediator) {

  @ConstructorBinding
  public CreditorSettings {}

  /**
   * A creditor without a consumer mediator on record (tests, or a creditor that sells only to
   * businesses).
   */
  public CreditorSettings(
      String name, String siren, String address, String iban, String email, String phone) {
    this(name, siren, address, iban, email, phone, null);
  }

  /**
   * The consumer mediator (médiateur de la consommation): who, where to write, where to refer
   * online.
   */
  public record Mediator(String name, String address, String website) {
    public boolean named() {
      return name != null && !name.isBlank();
    }
  }

  /**
   * The consumer mediator when one is set, else null (letters and emails then name none, and the
   * log says so).
   */
  public Mediator consumerMediator() {
    return mediator != null && mediator.named() ? mediator : null;
  }

  /** The IBAN in groups of four, as people read and type it. */
  public String ibanGrouped() {
    if (iban == null) {
      return null;
    }
    String compact = iban.replaceAll("\\s", "");
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < compact.length(); i += 4) {
      if (i > 0) {
        grouped.append(' ');
      }
      grouped.append(compact, i, Math.min(i + 4, compact.length()));
    }
    return grouped.toString();
  }
}
