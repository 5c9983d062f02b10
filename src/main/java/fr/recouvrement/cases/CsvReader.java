package fr.recouvrement.cases;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time (quoted fields, doubled quotes, line breaks inside
 * quotes) with FastCSV, so a file of any size streams through in constant memory and linear time.
 * The separator is ',' or ';' (French spreadsheets export ';'), chosen from the header line; a
 * byte-order mark is skipped.
 *
 * <p>Hostile input is bounded: a field longer than {@link #MAX_FIELD_CHARS} or a record with more
 * than a few thousand fields ends the reading with an error on the line it starts on, as does a
 * malformed record (text after a closing quote): past such a line the parser cannot say where the
 * next record begins, so nothing after it is read. Undecodable bytes (a Windows-1252 file sent as
 * UTF-8) end it too: {@link #undecodableFrom()} then says from which line.
 */
final class CsvReader {
  /** A line of an invoice file is a few hundred characters; a field of 64 K is not a field. */
  static final int MAX_FIELD_CHARS = 64 * 1024;

  /** One record and the line it starts on (1 = the header, as a spreadsheet numbers it). */
  record Row(int line, List<String> fields, String error) {}

  private final BufferedReader in;
  private char separator;
  private Iterator<CsvRecord> records;
  private int lastLine = 1;
  private boolean ended;
  private int undecodableFrom;
  private final String charsetName;

  CsvReader(Reader in) {
    this(in, "UTF-8");
  }

  CsvReader(Reader in, String charsetName) {
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 64 * 1024);
    this.charsetName = charsetName;
  }

  /**
   * 0, or the line (about) from which the bytes were not text in the character set: reading stopped
   * there.
   */
  int undecodableFrom() {
    return undecodableFrom;
  }

  String charsetName() {
    return charsetName;
  }

  char separator() {
    return separator;
  }

  /**
   * The next record, or null at the end of the input (or after a record that could not be read).
   * Blank lines are skipped.
   */
  Row next() throws IOException {
    if (ended) {
      return null;
    }
    try {
      if (records == null) {
        open();
      }
      if (!records.hasNext()) {
        ended = true;
        return null;
      }
      CsvRecord record = records.next();
      lastLine = (int) record.getStartingLineNumber();
      return new Row(lastLine, record.getFields().stream().map(String::trim).toList(), null);
    } catch (CsvParseException e) {
      ended = true;
      return new Row(lineOf(e), List.of(), reason(e) + "; the rest of the file was not read");
    } catch (UncheckedIOException e) {
      ended = true;
      if (e.getCause() instanceof CharacterCodingException) {
        undecodableFrom = lastLine + 1;
        return null;
      }
      throw e.getCause();
    } catch (CharacterCodingException e) {
      ended = true;
      undecodableFrom = Math.max(1, lastLine);
      return null;
    }
  }

  private void open() throws IOException {
    in.mark(MAX_FIELD_CHARS);
    int first = in.read();
    if (first != '\uFEFF') {
      in.reset();
      in.mark(MAX_FIELD_CHARS);
    } else {
      in.mark(MAX_FIELD_CHARS);
    }
    separator = detectSeparator();
    in.reset();
    records =
        de.siegmar.fastcsv.reader.CsvReader.builder()
            .fieldSeparator(separator)
            .skipEmptyLines(true)
            .allowExtraCharsAfterClosingQuote(false)
            .allowUnclosedQuote(false)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .maxBufferSize(MAX_FIELD_CHARS)
            .ofCsvRecord(in)
            .iterator();
  }

  /** The first ',' or ';' of the header outside quotes; ',' when the header has a single column. */
  private char detectSeparator() throws IOException {
    boolean quoted = false;
    for (int i = 0; i < MAX_FIELD_CHARS - 1; i++) {
      int c = in.read();
      if (c == -1 || (!quoted && (c == '\n' || c == '\r'))) {
        break;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == ',' || c == ';')) {
        return (char) c;
      }
    }
    return ',';
  }

  private int lineOf(CsvParseException e) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
    return m.find() ? Integer.parseInt(m.group(1)) : lastLine + 1;
  }

  private static String reason(CsvParseException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("after closing quote")) {
      return "text after a closing quote";
    }
    if (message.contains("maximum buffer size")) {
      return "a field is longer than "
          + MAX_FIELD_CHARS / 1024
          + " K characters, or a quoted field is not closed";
    }
    if (message.contains("fields")) {
      return "too many fields";
    }
    if (message.toLowerCase().contains("quote")) {
      return "a quoted field is not closed";
    }
    return "the line cannot be read as CSV";
  }
}
