package fr.recouvrement.channel;

import fr.recouvrement.ApiClient;
import fr.recouvrement.TestServers;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the tests of one channel step share: the one-step test models deployed for the class (and
 * removed after it), an API client, and the mail and WireMock servers emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChannelStepTest {
  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  ApiClient api;
  Deployment deployment;

  @BeforeAll
  void deploy() {
    deployment = ChannelFixtures.deploy(repository);
  }

  @AfterAll
  void undeploy() {
    repository.deleteDeployment(deployment.getId(), true);
  }

  @BeforeEach
  void reset() {
    api = ChannelFixtures.api(port);
    TestServers.reset();
  }
}
