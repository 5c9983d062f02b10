package fr.recouvrement.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the packages livable: no cycle between capabilities, and each table written
 * by the one package that owns it (the others call that package).
 */
class ArchitectureTest {
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("fr.recouvrement");
  static final Path SOURCES = Path.of("src/main/java");

  /** Who writes each table: the package (and its sub-packages) under fr.recouvrement. */
  static final Map<String, String> OWNER =
      Map.ofEntries(
          Map.entry("collection_case", "cases"),
          Map.entry("debtor", "cases"),
          Map.entry("invoice", "cases"),
          Map.entry("payment", "cases"),
          Map.entry("case_phase", "cases"),
          Map.entry("strategy_version", "cases"),
          Map.entry("recoverable_vat", "cases"),
          Map.entry("communication", "channel"),
          Map.entry("document", "channel"),
          Map.entry("callback_event", "kernel.provider"),
          Map.entry("case_cost", "money"),
          Map.entry("payment_allocation", "money"),
          Map.entry("dispute", "dispute"),
          Map.entry("dispute_invoice", "dispute"),
          Map.entry("mediation", "mediation"),
          Map.entry("payment_plan", "plan"),
          Map.entry("plan_instalment", "plan"),
          Map.entry("promise", "reminder"),
          Map.entry("bailiff_mission", "legal.bailiff"),
          Map.entry("formal_notice", "legal.notice"),
          Map.entry("formal_notice_line", "legal.notice"),
          Map.entry("insolvency", "legal.insolvency"),
          Map.entry("over_indebtedness", "legal.overindebtedness"),
          Map.entry("legal_event", "legal"),
          Map.entry("bodacc_announcement", "legal.insolvency"),
          Map.entry("portal_link", "portal"),
          Map.entry("portal_action", "portal"),
          Map.entry("held_payment", "payment"));

  /**
   * The one writer besides the owners: the data-retention job erases a closed case's personal data
   * from every table in one transaction (RGPD art. 17, nothing half-erased), so it may update them
   * all.
   */
  static final String ERASER = "retention";

  private static final Pattern LITERAL =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
  private static final Pattern WRITE =
      Pattern.compile(
          "\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+([a-z_]+)\\b",
          Pattern.CASE_INSENSITIVE);

  @Test
  void capabilitiesDependOnEachOtherWithoutCycles() {
    slices().matching("fr.recouvrement.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void everyTableHasAnOwner() throws IOException {
    assertThat(OWNER.keySet())
        .as("tables of the migrations, each with its owner package")
        .containsAll(tables());
  }

  @Test
  void everyTableIsWrittenOnlyByItsOwner() throws IOException {
    Set<String> tables = tables();
    List<String> strangers = new ArrayList<>();
    Set<String> written = new TreeSet<>();
    for (Path file : javaFiles()) {
      String pkg =
          SOURCES
              .relativize(file.getParent())
              .toString()
              .replace('/', '.')
              .replaceFirst("^fr\\.recouvrement\\.?", "");
      for (String table : tablesWritten(Files.readString(file))) {
        if (!tables.contains(table)) {
          continue; // "delete from the disk": not a table
        }
        written.add(table);
        String owner = OWNER.get(table);
        if (!within(pkg, owner) && !within(pkg, ERASER)) {
          strangers.add(
              table + " (owned by " + owner + ") written by " + pkg + "." + file.getFileName());
        }
      }
    }
    assertThat(written)
        .as("the scan finds the SQL writes")
        .contains("collection_case", "communication", "promise");
    assertThat(strangers)
        .as("tables written outside their owner package: call the owner instead")
        .isEmpty();
  }

  @Test
  void theScanSeesWritesInStringsAndTextBlocksOnly() {
    String source =
        "// update invoice in a comment is no write\n"
            + "jdbc.update(\"update collection_case set segment = ? where reference = ?\");\n"
            + "String q = \"\"\"\n  insert into communication (id)\n  values (?)\n  \"\"\";\n"
            + "String label = \"delete from the disk\";";
    assertThat(tablesWritten(source))
        .containsExactlyInAnyOrder("collection_case", "communication", "the");
  }

  static List<String> tablesWritten(String source) {
    List<String> tables = new ArrayList<>();
    Matcher literal = LITERAL.matcher(source);
    while (literal.find()) {
      String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
      Matcher write = WRITE.matcher(text);
      while (write.find()) {
        tables.add(write.group(1).toLowerCase());
      }
    }
    return tables;
  }

  /** The tables the Flyway migrations create. */
  static Set<String> tables() throws IOException {
    Set<String> tables = new TreeSet<>();
    Pattern create =
        Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)", Pattern.CASE_INSENSITIVE);
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        Matcher m = create.matcher(Files.readString(f));
        while (m.find()) {
          tables.add(m.group(1).toLowerCase());
        }
      }
    }
    assertThat(tables).as("the migrations are found").contains("collection_case");
    return tables;
  }

  private static boolean within(String pkg, String owner) {
    return pkg.equals(owner) || pkg.startsWith(owner + ".");
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }
}
