package fr.recouvrement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  static List<CsvReader.Row> read(String text) throws IOException {
    CsvReader reader = new CsvReader(new StringReader(text));
    List<CsvReader.Row> rows = new ArrayList<>();
    for (CsvReader.Row r = reader.next(); r != null; r = reader.next()) {
      rows.add(r);
    }
    return rows;
  }

  @Test
  void readsPlainFieldsAndNumbersLinesAsASpreadsheetDoes() throws IOException {
    List<CsvReader.Row> rows = read("a,b,c\r\n1, 2 ,3\n\n4,5,6");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).fields()).containsExactly("1", "2", "3");
    assertThat(rows.get(1).line()).isEqualTo(2);
    assertThat(rows.get(2).line()).isEqualTo(4);
  }

  @Test
  void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
    List<CsvReader.Row> rows =
        read(
            "h1,h2\n\"Dupont, Jean\",\"dit \"\"le grand\"\"\"\n\"ligne 1\nligne 2\",x\nlast,row\n");
    assertThat(rows.get(1).fields()).containsExactly("Dupont, Jean", "dit \"le grand\"");
    assertThat(rows.get(2).fields()).containsExactly("ligne 1\nligne 2", "x");
    assertThat(rows.get(3).line()).isEqualTo(5);
  }

  @Test
  void takesTheSemicolonOfAFrenchExportAndSkipsAByteOrderMark() throws IOException {
    List<CsvReader.Row> rows = read("\uFEFFa;b\n1,5;2\n");
    assertThat(rows.get(0).fields()).containsExactly("a", "b");
    assertThat(rows.get(1).fields()).containsExactly("1,5", "2");
  }

  @Test
  void reportsAnUnclosedQuote() throws IOException {
    List<CsvReader.Row> rows = read("a,b\n\"open,2\n");
    assertThat(rows.get(1).error()).contains("quoted field is not closed");
  }

  @Test
  void reportsTextAfterAClosingQuote() throws IOException {
    assertThat(read("a,b\n\"x\"y,2\n").get(1).error()).contains("after a closing quote");
  }

  @Test
  void aFieldLongerThanTheLimitEndsTheReadingWithAnErrorOnTheLineItStartsOn() throws IOException {
    List<CsvReader.Row> rows =
        read("a,b\n1,2\n" + "x".repeat(CsvReader.MAX_FIELD_CHARS + 10) + ",3\nnever,read\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(2).line()).isEqualTo(3);
    assertThat(rows.get(2).error()).contains("longer than", "not read");
  }

  @Test
  void bytesThatAreNotUtf8StopTheReadingAndSayFromWhichLine() throws IOException {
    byte[] bytes =
        "a,b\n1,2\nSoci\u00e9t\u00e9,3\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    CsvReader reader =
        new CsvReader(
            new StrictDecodingReader(
                new java.io.ByteArrayInputStream(bytes), java.nio.charset.StandardCharsets.UTF_8));
    List<CsvReader.Row> rows = new ArrayList<>();
    for (CsvReader.Row r = reader.next(); r != null; r = reader.next()) {
      rows.add(r);
    }
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2);
    assertThat(reader.undecodableFrom()).isEqualTo(3);
  }
}
