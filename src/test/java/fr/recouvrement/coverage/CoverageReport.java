package fr.recouvrement.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints and writes the models' flow-node coverage once the whole test plan has run (registered
 * in {@code META-INF/services}). A run of a few classes ({@code -Dtest=...}) prints its own,
 * smaller figures; the build's figure is the one of {@code mvn verify}.
 */
public class CoverageReport implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (!ModelCoverage.anything()) {
      return;
    }
    ModelCoverage.writeReports();
    StringBuilder text = new StringBuilder("Process models: flow nodes reached by the test suite\n");
    List<ModelCoverage.Line> lines = ModelCoverage.lines();
    for (ModelCoverage.Line line : lines) {
      text.append(
          String.format(
              Locale.ROOT, "COVERAGE %-22s %5.1f %% (%d/%d)%s%n",
              line.key(), 100 * line.ratio(), line.covered(), line.total(),
              line.ratio() < 1.0 ? "  missed: " + String.join(", ", ModelCoverage.missed(line.key())) : ""));
    }
    System.out.print(text);
    try {
      Files.writeString(ModelCoverage.REPORT_DIR.resolve("summary.txt"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
