package fr.recouvrement.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Which limit each path gets (review H5, M3); the HTTP behaviour is in security/SecurityReviewTest.
 */
class BodySizeLimitTest {
  final BodySizeLimit limits = BodySizeLimit.standard(DataSize.ofMegabytes(20));

  @Test
  void eachFamilyOfEndpointsHasItsOwnLimit() {
    assertThat(limits.limitFor("/api/callbacks/bailiff")).isEqualTo(16 * 1024);
    assertThat(limits.limitFor("/api/cases/import")).isEqualTo(20L * 1024 * 1024);
    assertThat(limits.limitFor("/api/cases")).isEqualTo(1024 * 1024);
    assertThat(limits.limitFor("/api")).isEqualTo(1024 * 1024);
    assertThat(limits.limitFor("/engine-rest/deployment/create")).isEqualTo(10L * 1024 * 1024);
    assertThat(limits.limitFor("/engine-rest/task/1/complete")).isEqualTo(1024 * 1024);
    assertThat(limits.limitFor("/app/login")).isEqualTo(16 * 1024);
    assertThat(limits.limitFor("/camunda/api/engine/engine/default/task")).isEqualTo(1024 * 1024);
    // a look-alike does not get the import's limit
    assertThat(limits.limitFor("/api/cases/impor")).isEqualTo(1024 * 1024);
  }
}
