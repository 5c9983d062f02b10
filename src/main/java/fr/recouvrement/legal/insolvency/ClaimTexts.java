package fr.recouvrement.legal.insolvency;

import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a proof of claim writes dates and amounts for the mandataire (plain spaces, euro sign). */
final class ClaimTexts {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private ClaimTexts() {}

  static String french(LocalDate day) {
    return day.format(FRENCH);
  }

  static String french(Instant at) {
    return french(LocalDate.ofInstant(at, CaseClock.PARIS));
  }

  static String euros(BigDecimal amount) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(2);
    return f.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ') + " €";
  }
}
