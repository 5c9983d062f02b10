package fr.recouvrement.kernel.time;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Where a debtor lives, as far as the calendar is concerned: which public holidays apply
 * (Alsace-Moselle's local law, the overseas abolition-of-slavery days) and which clock the debtor
 * lives by. Read from the address: country (ISO alpha-2, blank = FR; the ISO codes of the overseas
 * territories count as France) and postal code.
 */
public enum Territory {
  METROPOLE(null, "Europe/Paris"),
  MOSELLE("57", "Europe/Paris"),
  BAS_RHIN("67", "Europe/Paris"),
  HAUT_RHIN("68", "Europe/Paris"),
  GUADELOUPE(null, "America/Guadeloupe"),
  MARTINIQUE(null, "America/Martinique"),
  GUYANE(null, "America/Cayenne"),
  REUNION(null, "Indian/Reunion"),
  MAYOTTE(null, "Indian/Mayotte"),
  SAINT_PIERRE_ET_MIQUELON(null, "America/Miquelon"),
  SAINT_BARTHELEMY(null, "America/St_Barthelemy"),
  SAINT_MARTIN(null, "America/Marigot"),
  WALLIS_ET_FUTUNA(null, "Pacific/Wallis"),
  POLYNESIE_FRANCAISE(null, "Pacific/Tahiti"),
  NOUVELLE_CALEDONIE(null, "Pacific/Noumea"),
  /**
   * Outside France: French deadlines keep the metropolitan calendar; the local clock is unknown.
   */
  ETRANGER(null, "Europe/Paris");

  private final String jollydaySubdivision;
  private final ZoneId zone;

  Territory(String jollydaySubdivision, String zone) {
    this.jollydaySubdivision = jollydaySubdivision;
    this.zone = ZoneId.of(zone);
  }

  /**
   * The département code jollyday knows this territory by, or null for France's national calendar.
   */
  String jollydaySubdivision() {
    return jollydaySubdivision;
  }

  /** The debtor's local clock, for contact hours. */
  public ZoneId zone() {
    return zone;
  }

  public boolean overseas() {
    return this != METROPOLE
        && this != MOSELLE
        && this != BAS_RHIN
        && this != HAUT_RHIN
        && this != ETRANGER;
  }

  /** From an address; a missing address is taken as metropolitan France. */
  public static Territory of(String country, String postalCode) {
    String c =
        country == null || country.isBlank() ? "FR" : country.trim().toUpperCase(Locale.ROOT);
    switch (c) {
      case "GP":
        return GUADELOUPE;
      case "MQ":
        return MARTINIQUE;
      case "GF":
        return GUYANE;
      case "RE":
        return REUNION;
      case "YT":
        return MAYOTTE;
      case "PM":
        return SAINT_PIERRE_ET_MIQUELON;
      case "BL":
        return SAINT_BARTHELEMY;
      case "MF":
        return SAINT_MARTIN;
      case "WF":
        return WALLIS_ET_FUTUNA;
      case "PF":
        return POLYNESIE_FRANCAISE;
      case "NC":
        return NOUVELLE_CALEDONIE;
      case "FR":
        break;
      default:
        return ETRANGER;
    }
    String p = postalCode == null ? "" : postalCode.replace(" ", "");
    if (p.equals("97133")) {
      return SAINT_BARTHELEMY;
    }
    if (p.equals("97150")) {
      return SAINT_MARTIN;
    }
    if (p.length() < 3) {
      return METROPOLE;
    }
    return switch (p.substring(0, 3)) {
      case "971" -> GUADELOUPE;
      case "972" -> MARTINIQUE;
      case "973" -> GUYANE;
      case "974" -> REUNION;
      case "975" -> SAINT_PIERRE_ET_MIQUELON;
      case "976" -> MAYOTTE;
      case "986" -> WALLIS_ET_FUTUNA;
      case "987" -> POLYNESIE_FRANCAISE;
      case "988" -> NOUVELLE_CALEDONIE;
      default ->
          switch (p.substring(0, 2)) {
            case "57" -> MOSELLE;
            case "67" -> BAS_RHIN;
            case "68" -> HAUT_RHIN;
            default -> METROPOLE;
          };
    };
  }

  /** A process variable's value ({@code debtorTerritory}); null or blank = metropolitan France. */
  public static Territory parse(Object value) {
    if (value == null || value.toString().isBlank()) {
      return METROPOLE;
    }
    try {
      return valueOf(value.toString().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "debtorTerritory is '"
              + value
              + "'; expected one of "
              + java.util.Arrays.toString(values()));
    }
  }
}
