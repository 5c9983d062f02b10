package fr.recouvrement.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The timeline as RFC 4180 CSV: header {@code at,type,title,actor,details}, details as compact JSON, CRLF line ends. */
final class TimelineCsv {
  static final String HEADER = "at,type,title,actor,details";

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

  /** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
