package fr.recouvrement.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor as printed on reminders and letters ({@code recouvrement.creditor.*}): who is owed,
 * and where the debtor pays.
 */
@ConfigurationProperties("recouvrement.creditor")
public record CreditorSettings(String name, String siren, String address, String iban, String email, String phone) {

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
