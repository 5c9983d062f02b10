package fr.recouvrement.bench;

import fr.recouvrement.TestServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link EngineRatios} on an embedded PostgreSQL server started by the build (as {@code
 * PostgresCaseApiTest} does), with P4: bytes per case from {@code pg_total_relation_size} deltas.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.process-engine-name=benchmarkPostgres",
      "camunda.bpm.webapp.enabled=false",
      "logging.level.fr.recouvrement=warn"
    })
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = TestServers.class)
@DirtiesContext
class PostgresEngineRatioBenchmark extends EngineRatios {
  static final EmbeddedPostgres POSTGRES = fr.recouvrement.TestPostgres.start();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    fr.recouvrement.TestPostgres.datasource(registry, POSTGRES);
  }

  @Override
  String database() {
    return "PostgreSQL (embedded, " + POSTGRES.getJdbcUrl("postgres", "postgres") + ")";
  }

  @Override
  boolean measuresBytes() {
    return true;
  }
}
