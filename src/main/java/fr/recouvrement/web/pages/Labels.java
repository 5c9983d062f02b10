package fr.recouvrement.web.pages;

import fr.recouvrement.cases.CaseStatus;
import java.util.List;
import java.util.Map;

/** The French words people read for our codes; an unknown code shows as it is. */
public final class Labels {
  public static final Labels FRENCH = new Labels();

  private static final Map<String, String> STATUS =
      Map.ofEntries(
          Map.entry(CaseStatus.AMICABLE.name(), "Amiable"),
          Map.entry(CaseStatus.PAYMENT_PLAN.name(), "Échéancier"),
          Map.entry(CaseStatus.DISPUTED.name(), "Contesté"),
          Map.entry(CaseStatus.MEDIATION.name(), "Médiation"),
          Map.entry(CaseStatus.FORMAL_NOTICE.name(), "Mise en demeure"),
          Map.entry(CaseStatus.SMALL_CLAIMS.name(), "Petites créances"),
          Map.entry(CaseStatus.ORDER_TO_PAY.name(), "Injonction de payer"),
          Map.entry(CaseStatus.ENFORCEMENT.name(), "Exécution forcée"),
          Map.entry(CaseStatus.INSOLVENCY.name(), "Procédure collective"),
          Map.entry(CaseStatus.OVER_INDEBTEDNESS.name(), "Surendettement"),
          Map.entry(CaseStatus.PAID.name(), "Soldé"),
          Map.entry(CaseStatus.WRITTEN_OFF.name(), "Passé en perte"));

  private static final Map<String, String> CHANNEL =
      Map.ofEntries(
          Map.entry("EMAIL", "Courriel"),
          Map.entry("SMS", "SMS"),
          Map.entry("LETTER", "Courrier"),
          Map.entry("REGISTERED_LETTER", "Lettre recommandée"),
          Map.entry("PHONE_CALL", "Appel téléphonique"),
          Map.entry("PORTAL", "Portail"),
          Map.entry("BAILIFF", "Commissaire de justice"),
          Map.entry("COURT", "Tribunal"),
          Map.entry("LAWYER", "Avocat"));

  private static final Map<String, String> COMMUNICATION_STATUS =
      Map.of(
          "PENDING", "En cours d'envoi",
          "SENT", "Envoyé",
          "DRY_RUN", "Non envoyé (canal non configuré)",
          "FAILED", "Échec de l'envoi");

  /** The segments {@code debtor-segment} returns (processes/decisions/debtor-segment.dmn). */
  private static final Map<String, String> SEGMENT =
      new java.util.LinkedHashMap<>(
          Map.of(
              "PONCTUEL", "Payeur ponctuel",
              "EN_DIFFICULTE", "En difficulté",
              "RECALCITRANT", "Récalcitrant",
              "GROS_ENJEU", "Gros enjeu"));

  private static final Map<String, String> DISPUTE_CATEGORY =
      Map.of(
          "TECHNICAL",
          "Technique (prestation)",
          "ADMINISTRATIVE",
          "Administrative (bon de commande, adresse)",
          "COMMERCIAL",
          "Commerciale (prix, remise)");

  private static final Map<String, String> DISPUTE_STATUS =
      Map.of("OPEN", "En cours d'instruction", "RESOLVED", "Tranchée", "CLOSED", "Close");

  private static final Map<String, String> DISPUTE_OUTCOME =
      Map.of("CREDIT_NOTE", "Avoir émis", "PARTIAL", "Annulation partielle", "REJECTED", "Rejetée");

  private static final Map<String, String> PROCEDURE =
      Map.of(
          "SAUVEGARDE",
          "Sauvegarde",
          "REDRESSEMENT",
          "Redressement judiciaire",
          "LIQUIDATION",
          "Liquidation judiciaire");

  private static final Map<String, String> DOCUMENT_KIND =
      Map.of(
          "REMINDER_LETTER",
          "Lettre de relance",
          "FORMAL_NOTICE",
          "Mise en demeure",
          "DISPUTE_REJECTION",
          "Réponse à une contestation");

  private static final Map<String, String> PROMISE_STATUS =
      Map.of("PENDING", "En attente", "KEPT", "Tenue", "BROKEN", "Non tenue");

  private static final Map<String, String> DEBTOR_TYPE =
      Map.of("BUSINESS", "Professionnel", "CONSUMER", "Particulier");

  /** Why a claim's VAT became recoverable (CGI 272). */
  private static final Map<String, String> VAT_REASON =
      Map.of("WRITE_OFF", "Passage en perte", "LIQUIDATION", "Liquidation judiciaire");

  /**
   * The codes the decision tables answer with, by output name (the same code may mean two things:
   * {@code NONE} is no insolvency signal, or no enforcement measure left).
   */
  private static final Map<String, Map<String, String>> DECISION_OUTPUT =
      Map.of(
          "decision",
          Map.of(
              "CONTINUE_AMICABLE", "Poursuivre l'amiable",
              "FORMAL_NOTICE", "Mise en demeure",
              "AGENCY", "Agence de recouvrement",
              "WRITE_OFF", "Passage en perte"),
          "solvencySignal",
          Map.of("NONE", "Aucun signal", "WEAK", "Signal faible", "STRONG", "Signal fort"),
          "amicableStage",
          Map.of(
              "TOO_RECENT", "Trop récente",
              "BARELY_TRIED", "À peine tentée",
              "UNDER_WAY", "En cours",
              "EXHAUSTED", "Épuisée"),
          "procedureProspect",
          Map.of(
              "DERISORY", "Solde dérisoire",
              "HOPELESS", "Sans espoir",
              "TITLE_AT_RISK", "Titre risquant de rester inexécuté",
              "UNPROFITABLE_SMALL", "Non rentable, petite créance",
              "UNPROFITABLE", "Non rentable",
              "WORTHWHILE", "Rentable"),
          "orderToPayCourt",
          Map.of(
              "COMMERCIAL_COURT", "Tribunal de commerce",
              "PROTECTION_JUDGE", "Juge des contentieux de la protection",
              "JUDICIAL_COURT", "Tribunal judiciaire"),
          "wageSeizure",
          Map.of(
              "AVAILABLE", "Possible",
              "NO_EMPLOYER", "Aucun employeur connu",
              "FAILED", "Déjà infructueuse",
              "UNKNOWN", "Inconnue"),
          "planShape",
          Map.of(
              "NO_INSTALMENT", "Aucune échéance",
              "TOO_MANY_INSTALMENTS", "Plus de 12 échéances",
              "WITHIN_DELEGATION", "Dans la délégation du chargé",
              "BEYOND_DELEGATION", "Au-delà de la délégation du chargé"),
          "measure",
          Map.of(
              "BANK_SEIZURE", "Saisie-attribution",
              "WAGE_SEIZURE", "Saisie des rémunérations",
              "GOODS_SEIZURE", "Saisie-vente",
              "NONE", "Aucune mesure"));

  private Labels() {}

  /** A code a decision table answered with, for the output it answered it in. */
  public String decisionOutput(String output, Object code) {
    return label(DECISION_OUTPUT.getOrDefault(output, Map.of()), code);
  }

  public String status(Object status) {
    return label(STATUS, status);
  }

  public String event(String type) {
    return fr.recouvrement.audit.TimelineEvent.Type.label(type);
  }

  public String channel(String channel) {
    return label(CHANNEL, channel);
  }

  public String communicationStatus(Object status) {
    return label(COMMUNICATION_STATUS, status);
  }

  public String segment(Object segment) {
    return segment == null ? "—" : label(SEGMENT, segment);
  }

  /** Segment codes in a stable order, for the filter's list. */
  static List<String> segments() {
    return List.of("PONCTUEL", "EN_DIFFICULTE", "RECALCITRANT", "GROS_ENJEU");
  }

  public String disputeCategory(Object category) {
    return label(DISPUTE_CATEGORY, category);
  }

  public String disputeStatus(Object status) {
    return label(DISPUTE_STATUS, status);
  }

  public String disputeOutcome(Object outcome) {
    return outcome == null ? "—" : label(DISPUTE_OUTCOME, outcome);
  }

  public String procedure(Object procedure) {
    return label(PROCEDURE, procedure);
  }

  public String documentKind(Object kind) {
    return label(DOCUMENT_KIND, kind);
  }

  /** A message's template as a person reads it: "relance-courtoise" → "Relance courtoise". */
  public String template(String template) {
    if (template == null || template.isBlank()) {
      return PageFormats.NONE;
    }
    String words = template.replace('-', ' ').replace('_', ' ').trim();
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  public String promiseStatus(Object status) {
    return label(PROMISE_STATUS, status);
  }

  public String debtorType(Object type) {
    return label(DEBTOR_TYPE, type);
  }

  public String vatReason(String reason) {
    return label(VAT_REASON, reason);
  }

  static CaseStatus[] statuses() {
    return CaseStatus.values();
  }

  private static String label(Map<String, String> labels, Object code) {
    if (code == null) {
      return PageFormats.NONE;
    }
    String key = code.toString();
    return labels.getOrDefault(key, key);
  }
}
