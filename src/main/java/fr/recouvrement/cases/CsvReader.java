package fr.recouvrement.cases;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time (quoted fields, doubled quotes, line breaks inside
 * quotes), so a file of any size streams through in constant memory. The separator is ',' or ';'
 * (French spreadsheets export ';'), chosen from the header line.
 */
final class CsvReader {
  /** One record and the line it starts on (1 = the header, as a spreadsheet numbers it). */
  record Row(int line, List<String> fields, String error) {}

  private final Reader in;
  private int line = 1;
  private int peeked = -2;
  private boolean started;
  private char separator = 0;

  CsvReader(Reader in) {
    this.in = in;
  }

  char separator() {
    return separator;
  }

  /** The next record, or null at the end of the input. Blank lines are skipped. */
  Row next() throws IOException {
    while (true) {
      int c = peek();
      if (c == -1) {
        return null;
      }
      if (c == '\r' || c == '\n') {
        consumeLineBreak();
        continue;
      }
      return readRecord();
    }
  }

  private Row readRecord() throws IOException {
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    String error = null;
    while (true) {
      int c = read();
      if (quoted) {
        if (c == -1) {
          error = "a quoted field is not closed";
          fields.add(field.toString());
          return new Row(start, fields, error);
        }
        if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        continue;
      }
      if (c == -1 || c == '\r' || c == '\n') {
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        if (c != -1) {
          unread(c);
          consumeLineBreak();
        }
        return new Row(start, fields, error);
      }
      if (separator == 0 && (c == ',' || c == ';')) {
        separator = (char) c;
      }
      if (c == separator) {
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        wasQuoted = true;
        field.setLength(0);
      } else {
        if (wasQuoted && error == null && !Character.isWhitespace(c)) {
          error = "text after a closing quote";
        }
        field.append((char) c);
      }
    }
  }

  private void consumeLineBreak() throws IOException {
    int c = read();
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
      if (!started && peeked == '\uFEFF') {
        peeked = in.read();
      }
      started = true;
    }
    return peeked;
  }

  private int read() throws IOException {
    int c = peek();
    peeked = -2;
    return c;
  }

  private void unread(int c) {
    peeked = c;
  }
}
