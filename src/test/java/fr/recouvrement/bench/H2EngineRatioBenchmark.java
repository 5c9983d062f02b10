package fr.recouvrement.bench;

import fr.recouvrement.TestServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link EngineRatios} on an H2 file database, as the application ships by default. Its own Spring
 * context (benchmark profile only): the job executor runs here with the shipped settings, while the
 * shared test context keeps it off. The engine has its own name (Camunda ignores a name with a
 * hyphen and falls back to "default"), so that /engine-rest and the JVM-wide engine registry keep
 * the shared context's "default" engine.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:file:./target/benchmark/h2-${random.uuid}/recouvrement",
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.process-engine-name=benchmarkH2",
      "camunda.bpm.webapp.enabled=false",
      "logging.level.fr.recouvrement=warn"
    })
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestServers.class)
@DirtiesContext
class H2EngineRatioBenchmark extends EngineRatios {
  @Override
  String database() {
    return "H2 (file)";
  }
}
