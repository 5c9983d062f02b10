package fr.recouvrement.kpi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recouvrement.kpi.*}. {@code attribution-days}: a payment made at most this many days after
 * an action (on the same day included) is counted as recovered after that action, see {@link
 * Attribution}.
 */
@ConfigurationProperties("recouvrement.kpi")
record KpiSettings(@DefaultValue("15") int attributionDays) {
  KpiSettings {
    if (attributionDays < 0) {
      throw new IllegalArgumentException(
          "recouvrement.kpi.attribution-days must be 0 or more, not " + attributionDays);
    }
  }
}
