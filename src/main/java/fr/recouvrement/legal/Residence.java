package fr.recouvrement.legal;

import java.util.Locale;
import java.util.Set;

/**
 * Where a party lives, as procedural deadlines see it: CPC 643 lengthens periods for a debtor
 * overseas or abroad, C. com. R622-24 for a creditor outside metropolitan France.
 */
public enum Residence {
  METROPOLE,
  /** A département or collectivité d'outre-mer (CPC 643 1°). */
  OUTRE_MER,
  /** Abroad (CPC 643 2°). */
  ETRANGER;

  /** ISO codes that the overseas territories also have of their own. */
  private static final Set<String> OVERSEAS_COUNTRY_CODES =
      Set.of("GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC", "TF");

  /**
   * From an address: the country as an ISO 3166 alpha-2 code (blank means France) and the postal
   * code, whose 97x / 98x prefixes are the overseas départements and collectivités.
   */
  public static Residence of(String country, String postalCode) {
    String c =
        country == null || country.isBlank() ? "FR" : country.trim().toUpperCase(Locale.ROOT);
    if (OVERSEAS_COUNTRY_CODES.contains(c)) {
      return OUTRE_MER;
    }
    if (!c.equals("FR")) {
      return ETRANGER;
    }
    String p = postalCode == null ? "" : postalCode.trim();
    return p.startsWith("97") || p.startsWith("98") ? OUTRE_MER : METROPOLE;
  }
}
