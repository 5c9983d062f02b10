package fr.recouvrement.legal.bailiff;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.MISSION_PROCESS;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.job;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.newProviderId;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.openCase;
import static fr.recouvrement.legal.bailiff.BailiffFixtures.start;
import static fr.recouvrement.legal.bailiff.BailiffStubs.MISSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import fr.recouvrement.Race;
import fr.recouvrement.TestServers;
import fr.recouvrement.cases.CaseService;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** « Demander la mission » executed by three executors at once: the commissaire de justice gets one mission. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentMissionTest {
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired CaseService cases;
  @Autowired BailiffMissions missions;

  Deployment deployment;

  @BeforeAll
  void deploy() {
    deployment = BailiffFixtures.deploy(repository);
  }

  @AfterAll
  void undeploy() {
    repository.deleteDeployment(deployment.getId(), true);
  }

  @BeforeEach
  void reset() {
    TestServers.reset();
  }

  @Test
  void oneMissionStepRunByThreeExecutorsAtOnceMakesOneMission() throws Exception {
    String providerId = newProviderId();
    TestServers.wireMock().stubFor(post(urlEqualTo(MISSIONS)).willReturn(BailiffStubs.created(providerId).withFixedDelay(1500)));
    String reference = openCase(cases);
    String instance = start(runtime, MISSION_PROCESS, reference, MissionType.BANK_SEIZURE);
    String jobId = job(management, instance).getId();

    List<Throwable> failures = Race.run(3, () -> {
      management.executeJob(jobId);
      return null;
    });
    Job left = job(management, instance);
    if (left != null) { // the retry of a job whose transaction the others' failures rolled back
      management.executeJob(left.getId());
    }

    TestServers.wireMock().verify(1, postRequestedFor(urlEqualTo(MISSIONS)));
    assertThat(failures).filteredOn(f -> f instanceof MissionInFlightException).hasSizeGreaterThanOrEqualTo(2);
    List<BailiffMissions.Mission> all = missions.ofCase(reference);
    assertThat(all).hasSize(1);
    assertThat(all.get(0).status()).isEqualTo(MissionStatus.REQUESTED);
    assertThat(all.get(0).providerMissionId()).isEqualTo(providerId);
  }
}
