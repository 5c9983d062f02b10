package fr.recouvrement.kpi;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recouvrement.costs.*}: what one action costs the creditor, in euros, for the cost KPIs.
 * Only communications actually delivered cost something (status SENT; a dry run or a failure costs
 * nothing); a phone call costs a call whatever its outcome. Fees (bailiff, court, lawyer, agency)
 * are not set here: they are the {@code case_cost} rows recorded on each case.
 */
@ConfigurationProperties("recouvrement.costs")
record UnitCosts(
    @DefaultValue("0.00") BigDecimal email,
    @DefaultValue("0.08") BigDecimal sms,
    @DefaultValue("1.50") BigDecimal letter,
    /** A formal notice posted as a registered letter with acknowledgement of receipt (LRAR). */
    @DefaultValue("6.50") BigDecimal registeredLetter,
    @DefaultValue("2.00") BigDecimal phoneCall) {

  UnitCosts {
    for (BigDecimal cost : new BigDecimal[] {email, sms, letter, registeredLetter, phoneCall}) {
      if (cost == null || cost.signum() < 0) {
        throw new IllegalArgumentException(
            "recouvrement.costs.* must be amounts of 0 or more, not " + cost);
      }
    }
  }

  /** The unit cost of a channel of {@link KpiChannels}; zero for an unknown one. */
  BigDecimal of(String channel) {
    return switch (channel) {
      case KpiChannels.EMAIL -> email;
      case KpiChannels.SMS -> sms;
      case KpiChannels.LETTER -> letter;
      case KpiChannels.REGISTERED_LETTER -> registeredLetter;
      case KpiChannels.PHONE_CALL -> phoneCall;
      default -> BigDecimal.ZERO;
    };
  }
}
