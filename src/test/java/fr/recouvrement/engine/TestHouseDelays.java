package fr.recouvrement.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.kernel.process.LatestDecisions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The real {@code houseDelays} bean for Spring-free process tests, reading the table deployed on
 * their engine; and a changed version of the shipped table, as an analyst would deploy it.
 */
public final class TestHouseDelays {
  private TestHouseDelays() {}

  public static HouseDelays on(ProcessEngine engine) {
    return new HouseDelays(new LatestDecisionTables(engine, new LatestDecisions(engine)));
  }

  /**
   * Deploys the shipped house-delays.dmn with {@code days} in the row of {@code parameter} and the
   * version tag "test"; returns the deployment's id, for the test to delete (cascade) when done, so
   * that the tests after it read the shipped table again.
   */
  public static String deployWith(RepositoryService repository, String parameter, int days) {
    String shipped;
    try (InputStream in =
        TestHouseDelays.class.getResourceAsStream("/processes/decisions/house-delays.dmn")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the row whose input cell is "PARAMETER": its output cell is the next <text> after it
    Matcher row =
        Pattern.compile(
                "(<text>&#34;|<text>\")"
                    + Pattern.quote(parameter)
                    + "(&#34;|\")</text>(.*?<outputEntry[^>]*>\\s*<text>)(-?\\d+)(</text>)",
                Pattern.DOTALL)
            .matcher(shipped);
    assertThat(row.find()).as("a row for " + parameter + " in house-delays.dmn").isTrue();
    String changed = shipped.substring(0, row.start(4)) + days + shipped.substring(row.end(4));
    changed = changed.replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"test\"");
    return repository
        .createDeployment()
        .name("house-delays-test")
        .addString("house-delays.dmn", changed)
        .deploy()
        .getId();
  }
}
