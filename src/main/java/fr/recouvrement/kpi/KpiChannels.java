package fr.recouvrement.kpi;

import java.util.List;

/**
 * The keys of {@link Kpis#byChannel()}. A communication's channel is its {@code channel} column,
 * except a LETTER whose template is the formal notice ({@code mise-en-demeure}): that one is posted
 * registered with acknowledgement of receipt, so it is a REGISTERED_LETTER. A {@code case_cost}
 * row's channel is its kind without the {@code _FEE} suffix (BAILIFF_FEE → BAILIFF, COURT_FEE →
 * COURT, LAWYER_FEE → LAWYER, AGENCY_FEE → AGENCY).
 */
final class KpiChannels {
  static final String EMAIL = "EMAIL";
  static final String SMS = "SMS";
  static final String LETTER = "LETTER";
  static final String REGISTERED_LETTER = "REGISTERED_LETTER";
  static final String PHONE_CALL = "PHONE_CALL";

  /**
   * A step the debtor took on the debtor portal (promise, plan proposal, dispute, call-back, online
   * payment): no cost.
   */
  static final String PORTAL = "PORTAL";

  /**
   * Always listed, in this order, even when unused in the period; fees follow in alphabetical
   * order.
   */
  static final List<String> COMMUNICATIONS =
      List.of(EMAIL, SMS, LETTER, REGISTERED_LETTER, PHONE_CALL, PORTAL);

  /** The template of the formal notice letter (legal/notice/NoticeLetter.TEMPLATE). */
  static final String FORMAL_NOTICE_TEMPLATE = "mise-en-demeure";

  private KpiChannels() {}

  static String ofCommunication(String channel, String template) {
    if (LETTER.equals(channel) && FORMAL_NOTICE_TEMPLATE.equals(template)) {
      return REGISTERED_LETTER;
    }
    return channel;
  }

  static String ofCost(String kind) {
    return kind.endsWith("_FEE") ? kind.substring(0, kind.length() - "_FEE".length()) : kind;
  }
}
