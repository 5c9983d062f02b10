package fr.recouvrement.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our French labels against the webapps' English ones (from the webjar on the class path): a key
 * the webapps do not know is a label nobody will ever see, a lost {{placeholder}} a sentence with a
 * hole in it.
 */
class WebappLocalesTest {
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");
  final WebappLocales locales = new WebappLocales(new ObjectMapper());

  @Test
  void tasklistAndWelcomeAreEntirelyFrench() {
    for (String app : new String[] {"tasklist", "welcome"}) {
      Set<String> english = keys(english(app));
      Set<String> french = keys(new ObjectMapper().valueToTree(ownFrench(app)).path("labels"));
      assertThat(french).as(app).isEqualTo(english);
    }
    JsonNode tasklist = locales.labels("tasklist");
    assertThat(tasklist.at("/labels/CLAIM_TASK").asText()).isEqualTo("Prendre en charge");
    assertThat(tasklist.at("/labels/COMPLETE").asText()).isEqualTo("Terminer");
    assertThat(tasklist.at("/labels/BANNER_CE_EOL_TEXT").asText()).isEmpty();
    assertThat(tasklist.at("/dateLocales/months/0").asText()).isEqualTo("janvier");
  }

  @Test
  void everyFrenchLabelIsOneTheWebappsUseWithTheSamePlaceholders() {
    for (String app : WebappLocales.APPS) {
      JsonNode english = english(app);
      JsonNode french = new ObjectMapper().valueToTree(ownFrench(app)).path("labels");
      assertThat(keys(english)).as(app).containsAll(keys(french));
      french
          .fields()
          .forEachRemaining(
              e ->
                  assertThat(placeholders(e.getValue().asText()))
                      .as(app + " " + e.getKey())
                      .isEqualTo(placeholders(english.path(e.getKey()).asText())));
    }
  }

  @Test
  void aLabelNotYetTranslatedReadsInEnglishRatherThanAsItsKey() {
    JsonNode cockpit = locales.labels("cockpit").path("labels");
    Set<String> english = keys(english("cockpit"));
    assertThat(keys(cockpit)).isEqualTo(english);
    assertThat(cockpit.path("DASHBOARD_RUNNING_PROCESS_INSTANCE").asText())
        .isEqualTo("Instances en cours");
  }

  private JsonNode english(String app) {
    // the webapp's own English labels, from the webjar
    try (var in =
        getClass()
            .getClassLoader()
            .getResourceAsStream(
                "META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return new ObjectMapper()
          .readTree(text.startsWith("\uFEFF") ? text.substring(1) : text)
          .path("labels");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Object ownFrench(String app) {
    try (var in =
        getClass().getClassLoader().getResourceAsStream("webapps/locales/" + app + "-fr.json")) {
      return new ObjectMapper().readValue(in, Object.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new HashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
