package fr.recouvrement.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The timeline as RFC 4180 CSV: header {@code at,type,title,actor,details}, details as compact JSON, CRLF line ends. */
final class TimelineCsv {
  static final String HEADER = "at,type,title,actor,details";
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private TimelineCsv() {}

  static String write(List<TimelineEvent> events, ObjectMapper json) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (TimelineEvent e : events) {
      csv.append(field(e.at().toString())).append(',')
          .append(field(e.type())).append(',')
          .append(field(e.title())).append(',')
          .append(field(e.actor())).append(',')
          .append(field(compact(e, json))).append("\r\n");
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

  /**
   * Quoted when it holds a comma, a quote or a line break; quotes doubled. A text a spreadsheet would
   * take for a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe
   * (review L10); a plain number such as -12.50 is left as it is.
   */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()) {
      value = "'" + value;
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
