package fr.recouvrement.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The timeline as a CSV file, in two dialects.
 *
 * <ul>
 *   <li>{@link #writeFrench French Excel} (the default): UTF-8 with a byte-order mark (without it
 *       Excel reads Windows-1252), {@code ;} between cells (Excel's separator where the decimal
 *       separator is a comma), French headers, Paris time, French numbers, and one column per
 *       detail (nested details flattened: {@code Entrées · solde}) instead of JSON in a cell. A
 *       cell that starts with {@code = + - @} (or a tab or carriage return) is prefixed with {@code
 *       '} so that Excel shows it as text rather than running it as a formula.
 *   <li>{@link #write RFC 4180}: header {@code at,type,title,actor,details}, details as compact
 *       JSON, ISO-8601 UTC times, CRLF line ends; for programs that read the file back.
 * </ul>
 */
final class TimelineCsv {
  static final String HEADER = "at,type,title,actor,details";
  static final List<String> FRENCH_HEADER =
      List.of("Date et heure (Paris)", "Type", "Événement", "Acteur");
  static final String BOM = "\uFEFF";
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
  private static final Pattern ISO_INSTANT =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** French headers of the details the timeline records; a detail not named here keeps its key. */
  static final Map<String, String> DETAILS =
      Map.ofEntries(
          Map.entry("processInstanceId", "Id. instance de processus"),
          Map.entry("processDefinitionKey", "Processus"),
          Map.entry("processDefinitionVersion", "Version du processus"),
          Map.entry("processDefinitionId", "Id. définition de processus"),
          Map.entry("superProcessInstanceId", "Id. processus parent"),
          Map.entry("calledProcessInstanceId", "Id. sous-processus"),
          Map.entry("businessKey", "Référence du dossier"),
          Map.entry("activityId", "Id. étape"),
          Map.entry("activityInstanceId", "Id. instance d'étape"),
          Map.entry("activityType", "Type d'étape"),
          Map.entry("endActivityId", "Étape de fin"),
          Map.entry("startedAt", "Début"),
          Map.entry("endedAt", "Fin"),
          Map.entry("canceled", "Annulé"),
          Map.entry("deleteReason", "Motif d'arrêt"),
          Map.entry("state", "État"),
          Map.entry("taskId", "Id. tâche"),
          Map.entry("taskName", "Tâche"),
          Map.entry("taskDefinitionKey", "Clé de tâche"),
          Map.entry("assignee", "Responsable"),
          Map.entry("assignedBy", "Attribuée par"),
          Map.entry("candidateGroups", "Groupes candidats"),
          Map.entry("due", "Échéance"),
          Map.entry("formData", "Saisie"),
          Map.entry("decisionKey", "Décision"),
          Map.entry("decisionVersion", "Version de la décision"),
          Map.entry("decisionInstanceId", "Id. instance de décision"),
          Map.entry("decisionDefinitionId", "Id. définition de décision"),
          Map.entry("inputs", "Entrées"),
          Map.entry("outputs", "Sorties"),
          Map.entry("ruleId", "Règle"),
          Map.entry("ruleOrder", "Rang de la règle"),
          Map.entry("annotation", "Annotation"),
          Map.entry("collectResultValue", "Résultat agrégé"),
          Map.entry("incidentId", "Id. incident"),
          Map.entry("incidentType", "Type d'incident"),
          Map.entry("jobId", "Id. job"),
          Map.entry("retriesLeft", "Essais restants"),
          Map.entry("message", "Message"),
          Map.entry("operationId", "Id. opération"),
          Map.entry("operationType", "Opération"),
          Map.entry("entityType", "Objet"),
          Map.entry("property", "Propriété"),
          Map.entry("orgValue", "Ancienne valeur"),
          Map.entry("newValue", "Nouvelle valeur"),
          Map.entry("changes", "Changements"),
          Map.entry("variables", "Variables"),
          Map.entry("variable", "Variable"),
          Map.entry("value", "Valeur"),
          Map.entry("phase", "Phase"),
          Map.entry("status", "Statut"),
          Map.entry("previousStatus", "Statut précédent"),
          Map.entry("communicationId", "Id. communication"),
          Map.entry("channel", "Canal"),
          Map.entry("recipient", "Destinataire"),
          Map.entry("template", "Modèle"),
          Map.entry("contentSha256", "Empreinte SHA-256"),
          Map.entry("idempotencyKey", "Clé d'idempotence"),
          Map.entry("providerId", "Id. prestataire"),
          Map.entry("sentAt", "Envoyé le"),
          Map.entry("error", "Erreur"),
          Map.entry("documentId", "Id. document"),
          Map.entry("kind", "Nature"),
          Map.entry("fileName", "Fichier"),
          Map.entry("contentType", "Type de contenu"),
          Map.entry("sizeBytes", "Taille (octets)"),
          Map.entry("sha256", "Empreinte SHA-256"),
          Map.entry("paymentId", "Id. paiement"),
          Map.entry("reference", "Référence"),
          Map.entry("amount", "Montant (€)"),
          Map.entry("unallocated", "Non imputé (€)"),
          Map.entry("paidOn", "Payé le"),
          Map.entry("costId", "Id. frais"),
          Map.entry("incurredOn", "Engagé le"),
          Map.entry("legalEventId", "Id. événement juridique"),
          Map.entry("occurredOn", "Survenu le"),
          Map.entry("endsOn", "Fin le"),
          Map.entry("category", "Catégorie"),
          Map.entry("type", "Type"),
          Map.entry("name", "Nom"),
          Map.entry("clauseId", "Id. clause"),
          Map.entry("details", "Détails"));

  private TimelineCsv() {}

  // --- French Excel

  static String writeFrench(List<TimelineEvent> events) {
    List<Map<String, Cell>> flat = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    for (TimelineEvent e : events) {
      Map<String, Cell> cells = new LinkedHashMap<>();
      flatten("", e.details(), cells);
      columns.addAll(cells.keySet());
      flat.add(cells);
    }
    StringBuilder csv = new StringBuilder(BOM);
    List<String> header = new ArrayList<>(FRENCH_HEADER);
    columns.forEach(c -> header.add(header(c)));
    line(csv, header.stream().map(h -> new Cell(h, false)).toList());
    for (int i = 0; i < events.size(); i++) {
      TimelineEvent e = events.get(i);
      List<Cell> row = new ArrayList<>();
      row.add(new Cell(e.at() == null ? "" : DATE_TIME.format(e.at().atZone(PARIS)), true));
      row.add(new Cell(TimelineEvent.Type.label(e.type()), false));
      row.add(new Cell(e.title(), false));
      row.add(new Cell(e.actor(), false));
      for (String column : columns) {
        row.add(flat.get(i).getOrDefault(column, new Cell("", true)));
      }
      line(csv, row);
    }
    return csv.toString();
  }

  /**
   * A value as written: {@code safe} when we formatted it ourselves (a date, a number), so it is
   * never a formula.
   */
  record Cell(String text, boolean safe) {}

  private static void line(StringBuilder csv, List<Cell> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(';');
      }
      csv.append(frenchField(cells.get(i)));
    }
    csv.append("\r\n");
  }

  /** Details flattened: a nested map's keys joined with a dot, a list's items numbered from 1. */
  private static void flatten(String prefix, Object value, Map<String, Cell> into) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty() && !prefix.isEmpty()) {
        into.put(prefix, new Cell("", true));
      }
      map.forEach(
          (k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
    } else if (value instanceof Collection<?> list) {
      if (list.stream().allMatch(v -> !(v instanceof Map<?, ?>) && !(v instanceof Collection<?>))) {
        // a list of plain values (candidate groups, say) stays in one cell
        into.put(
            prefix,
            new Cell(String.join(", ", list.stream().map(v -> cell(v).text()).toList()), false));
        return;
      }
      int n = 1;
      for (Object item : list) {
        flatten(prefix + "." + n++, item, into);
      }
    } else if (!prefix.isEmpty()) {
      into.put(prefix, cell(value));
    }
  }

  private static String header(String path) {
    String[] parts = path.split("\\.");
    StringBuilder h = new StringBuilder(DETAILS.getOrDefault(parts[0], parts[0]));
    for (int i = 1; i < parts.length; i++) {
      h.append(" · ").append(parts[i]);
    }
    return h.toString();
  }

  private static Cell cell(Object v) {
    if (v == null) {
      return new Cell("", true);
    }
    if (v instanceof Instant at) {
      return new Cell(DATE_TIME.format(at.atZone(PARIS)), true);
    }
    if (v instanceof LocalDate d) {
      return new Cell(DATE.format(d), true);
    }
    if (v instanceof java.util.Date d) {
      return new Cell(DATE_TIME.format(d.toInstant().atZone(PARIS)), true);
    }
    if (v instanceof Boolean b) {
      return new Cell(b ? "oui" : "non", true);
    }
    if (v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
      return new Cell(decimal(new BigDecimal(v.toString())), true);
    }
    if (v instanceof Number n) {
      return new Cell(n.toString(), true);
    }
    String s = v.toString();
    if (ISO_INSTANT.matcher(s).matches()) {
      try {
        return new Cell(
            DATE_TIME.format(java.time.OffsetDateTime.parse(s).atZoneSameInstant(PARIS)), true);
      } catch (DateTimeParseException notAnInstant) {
        // kept as written
      }
    }
    if (ISO_DATE.matcher(s).matches()) {
      try {
        return new Cell(DATE.format(LocalDate.parse(s)), true);
      } catch (DateTimeParseException notADate) {
        // kept as written
      }
    }
    return new Cell(s, false);
  }

  /** As recorded (1850.00 stays 1850,00), no group separator so that Excel reads a number. */
  private static String decimal(BigDecimal value) {
    return value.toPlainString().replace('.', ',');
  }

  /**
   * Quoted when it holds a {@code ;}, a quote or a line break; a text that Excel would run as a
   * formula made text.
   */
  static String frenchField(Cell cell) {
    String value = cell.text() == null ? "" : cell.text();
    if (!cell.safe() && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    if (value.indexOf(';') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  // --- RFC 4180

  static String write(List<TimelineEvent> events, ObjectMapper json) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (TimelineEvent e : events) {
      csv.append(field(e.at().toString()))
          .append(',')
          .append(field(e.type()))
          .append(',')
          .append(field(e.title()))
          .append(',')
          .append(field(e.actor()))
          .append(',')
          .append(field(compact(e, json)))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String compact(TimelineEvent e, ObjectMapper json) {
    try {
      return json.writeValueAsString(e.details());
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Timeline details not writable as JSON: " + e.title(), ex);
    }
  }

  /** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    // a cell a spreadsheet would run as a formula is written as text (review L10); numbers stay
    // numbers
    if (!value.isEmpty()
        && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
        && !NUMBER.matcher(value).matches()) {
      value = "'" + value;
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
