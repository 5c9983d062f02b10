package fr.recouvrement.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints and writes the shipped models' flow-node coverage once the whole test plan has run
 * (registered in {@code META-INF/services}); models that only tests deploy are left out. A model
 * under {@link #MINIMUM} is marked {@code BELOW} in {@code summary.txt}, which {@code mvn verify}
 * then refuses (the pom's coverage check, after the tests). A run of a few classes ({@code
 * -Dtest=...}, {@code mvn test}) prints its own, smaller figures and checks nothing.
 */
public class CoverageReport implements TestExecutionListener {
  /** Share of each shipped model's flow nodes the suite must reach. */
  static final double MINIMUM = Double.parseDouble(System.getProperty("coverage.minimum", "0.9"));

  /** A summary of an earlier run must not stand for this one. */
  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    try {
      Files.deleteIfExists(ModelCoverage.REPORT_DIR.resolve("summary.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (!ModelCoverage.anything()) {
      return;
    }
    ModelCoverage.writeReports();
    StringBuilder text =
        new StringBuilder("Process models: flow nodes reached by the test suite\n");
    List<ModelCoverage.Line> lines =
        ModelCoverage.lines().stream().filter(line -> shipped(line.key())).toList();
    for (ModelCoverage.Line line : lines) {
      text.append(
          String.format(
              Locale.ROOT,
              "COVERAGE %-20s %5.1f %% (%d/%d)%s%s%n",
              line.key(),
              100 * line.ratio(),
              line.covered(),
              line.total(),
              line.ratio() < MINIMUM
                  ? String.format(Locale.ROOT, "  BELOW %.0f %%", 100 * MINIMUM)
                  : "",
              line.ratio() < 1.0
                  ? "  missed: " + String.join(", ", ModelCoverage.missed(line.key()))
                  : ""));
    }
    System.out.print(text);
    try {
      Files.writeString(ModelCoverage.REPORT_DIR.resolve("summary.txt"), text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model of processes/ (file name = process key), not one a test deployed for itself. */
  private static boolean shipped(String key) {
    return CoverageReport.class.getClassLoader().getResource("processes/" + key + ".bpmn") != null;
  }
}
