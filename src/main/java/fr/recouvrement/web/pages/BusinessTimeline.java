package fr.recouvrement.web.pages;

import fr.recouvrement.audit.TimelineEvent;
import fr.recouvrement.cases.CaseView;
import fr.recouvrement.dispute.DisputeView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The case's story as a collector or an auditor tells it: phase changes, messages (with the text
 * the debtor received), payments, promises, disputes and who raised them, tasks done and by whom,
 * each decision in one line with the reason its table gives (the annotation of the rule that
 * matched), legal events, documents and costs. The engine's own steps stay in the technical view.
 */
final class BusinessTimeline {
  private static final PageFormats FMT = PageFormats.FRENCH;
  private static final Labels LABELS = Labels.FRENCH;

  /**
   * One line: {@code link} (with {@code linkText}) to what it is about, when there is something to
   * open.
   */
  record Line(Instant at, String kind, String text, String actor, String link, String linkText) {}

  private static final Map<String, String> CALL_OUTCOME =
      Map.of(
          "REACHED", "joint, sans engagement",
          "NO_ANSWER", "pas de réponse",
          "WRONG_NUMBER", "mauvais numéro",
          "PROMISE", "promesse de paiement",
          "DISPUTE", "conteste la créance",
          "PAYMENT_PLAN", "demande un échéancier");

  private BusinessTimeline() {}

  /**
   * @param reasons the annotation of a decision's rule, by decision definition id and rule id
   *     (empty when none)
   */
  static List<Line> of(
      List<TimelineEvent> events,
      CaseView view,
      List<DisputeView> disputes,
      BiFunction<String, String, Optional<String>> reasons) {
    List<Line> lines = new ArrayList<>();
    for (TimelineEvent e : events) {
      Map<String, Object> d = e.details() == null ? Map.of() : e.details();
      switch (e.type()) {
        case "PHASE_CHANGED" ->
            lines.add(
                line(
                    e,
                    "Phase",
                    d.get("previousStatus") == null
                        ? "Dossier ouvert en phase « " + LABELS.status(d.get("status")) + " »"
                        : "Phase « "
                            + LABELS.status(d.get("previousStatus"))
                            + " » → « "
                            + LABELS.status(d.get("status"))
                            + " »",
                    null,
                    null));
        case "COMMUNICATION" ->
            lines.add(
                line(
                    e,
                    "Message",
                    LABELS.channel(string(d.get("channel")))
                        + " « "
                        + LABELS.template(string(d.get("template")))
                        + " » : "
                        + LABELS
                            .communicationStatus(d.get("status"))
                            .toLowerCase(java.util.Locale.FRENCH)
                        + (d.get("acknowledgement") == null
                            ? ""
                            : " ; accusé de réception : " + d.get("acknowledgement")),
                    d.get("communicationId") == null
                        ? null
                        : "/app/communications/" + d.get("communicationId"),
                    "Texte reçu"));
        case "PAYMENT" ->
            lines.add(
                line(
                    e,
                    "Paiement",
                    "Paiement reçu : "
                        + FMT.amount(decimal(d.get("amount")))
                        + " le "
                        + FMT.detail(d.get("paidOn"))
                        + " (réf. "
                        + string(d.get("reference"))
                        + ")",
                    null,
                    null));
        case "TASK_COMPLETED" -> lines.add(line(e, "Tâche faite", task(e, d), null, null));
        case "DECISION" -> {
          // a table that adds points (the task's priority) is the agenda's bookkeeping, not a step
          // of the case
          if (d.get("collectResultValue") == null) {
            lines.add(line(e, "Décision", decision(d, reasons), null, null));
          }
        }
        case "LEGAL_EVENT" ->
            lines.add(
                line(
                    e,
                    "Événement juridique",
                    e.title().replaceFirst("^Événement juridique : ", ""),
                    null,
                    null));
        case "DOCUMENT" ->
            lines.add(
                line(
                    e,
                    "Document",
                    LABELS.documentKind(d.get("kind")) + " : " + string(d.get("fileName")),
                    d.get("documentId") == null ? null : "/app/documents/" + d.get("documentId"),
                    "Ouvrir"));
        case "COST" ->
            lines.add(
                line(
                    e,
                    "Frais",
                    "Frais " + string(d.get("kind")) + " : " + FMT.amount(decimal(d.get("amount"))),
                    null,
                    null));
        default -> {} // the engine's steps: the technical view
      }
    }
    for (CaseView.Promise p : view.promises()) {
      lines.add(
          new Line(
              p.recordedAt(),
              "Promesse",
              "Promesse de paiement : "
                  + FMT.amount(p.amount())
                  + " pour le "
                  + FMT.date(p.date())
                  + " — "
                  + LABELS.promiseStatus(p.status()).toLowerCase(java.util.Locale.FRENCH),
              p.recordedBy(),
              null,
              null));
    }
    for (DisputeView dispute : disputes) {
      String comment =
          dispute.comment() == null || dispute.comment().isBlank()
              ? ""
              : " — « " + dispute.comment() + " »";
      lines.add(
          new Line(
              dispute.raisedAt(),
              "Contestation",
              "Contestation ouverte : "
                  + LABELS.disputeCategory(dispute.category())
                  + ", factures "
                  + String.join(", ", dispute.invoiceNumbers())
                  + comment,
              dispute.raisedBy(),
              null,
              null));
    }
    lines.sort(Comparator.comparing(Line::at, Comparator.nullsFirst(Comparator.naturalOrder())));
    return lines;
  }

  private static Line line(
      TimelineEvent e, String kind, String text, String link, String linkText) {
    return new Line(e.at(), kind, text, e.actor(), link, linkText);
  }

  private static String task(TimelineEvent e, Map<String, Object> d) {
    StringBuilder text = new StringBuilder(string(d.get("taskName")));
    if (d.get("formData") instanceof Map<?, ?> form && form.get("callOutcome") != null) {
      String outcome = string(form.get("callOutcome"));
      text.append(" : ").append(CALL_OUTCOME.getOrDefault(outcome, outcome));
    }
    return text.toString();
  }

  /**
   * « Segment du débiteur : Gros enjeu car Professionnel, 10 000 € ou plus. » — the first output of
   * the rule that matched, as a person reads it, and that rule's annotation.
   */
  static String decision(
      Map<String, Object> d, BiFunction<String, String, Optional<String>> reasons) {
    String name = string(d.get("decisionKey"));
    List<?> outputs = d.get("outputs") instanceof List<?> l ? l : List.of();
    if (outputs.isEmpty()) {
      return name + " : aucune règle ne s'applique";
    }
    Map<?, ?> first = (Map<?, ?>) outputs.get(0);
    Map<String, String> shown = new LinkedHashMap<>();
    for (Object o : outputs) {
      Map<?, ?> output = (Map<?, ?>) o;
      if (java.util.Objects.equals(output.get("ruleId"), first.get("ruleId")) && shown.isEmpty()) {
        shown.put(string(output.get("name")), value(output.get("variable"), output.get("value")));
      }
    }
    String label = shown.keySet().iterator().next();
    StringBuilder text =
        new StringBuilder(label == null || label.equals("—") ? name : label)
            .append(" : ")
            .append(shown.values().iterator().next());
    reasons
        .apply(string(d.get("decisionDefinitionId")), string(first.get("ruleId")))
        .ifPresent(reason -> text.append(" car ").append(lowerFirst(reason)));
    text.append(" (table ").append(name).append(")");
    return text.toString();
  }

  private static String value(Object variable, Object value) {
    if ("segment".equals(variable)) {
      return LABELS.segment(value) + " (" + value + ")";
    }
    if (value instanceof String code && code.matches("[A-Z][A-Z_]+")) {
      // a code a person may not know: its French label first, when one place has it
      for (String label :
          List.of(
              LABELS.decisionOutput(string(variable), code),
              LABELS.channel(code),
              LABELS.status(code))) {
        if (!label.equals(code)) {
          return label + " (" + code + ")";
        }
      }
    }
    if (value instanceof Number n && !(value instanceof Integer) && !(value instanceof Long)) {
      return FMT.detail(new BigDecimal(n.toString()));
    }
    return FMT.detail(value);
  }

  private static String lowerFirst(String s) {
    String t = s.strip();
    if (t.length() > 1
        && Character.isUpperCase(t.charAt(0))
        && !Character.isUpperCase(t.charAt(1))) {
      return Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
    return t;
  }

  private static BigDecimal decimal(Object value) {
    return value == null ? null : new BigDecimal(value.toString());
  }

  private static String string(Object value) {
    return value == null ? "—" : value.toString();
  }
}
