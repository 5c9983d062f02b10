package fr.recouvrement.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.cases.CaseFixtures;
import fr.recouvrement.kernel.time.CaseClock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A consumer's own referral to the creditor's consumer mediator, as recorded for prescription: the
 * mediation's started_on (what the prescription code reads) is the day the parties agreed to
 * mediate, or failing a written agreement the first meeting (C. civ. 2238).
 */
@IntegrationTest
class ConsumerReferralTest {
  @LocalServerPort int port;
  @Autowired MediationService mediations;
  @Autowired JdbcTemplate jdbc;
  @Autowired fr.recouvrement.channel.ConsumerMediatorNotice notice;

  String consumerCase() {
    LocalDate due = CaseClock.today().minusDays(100);
    ApiClient.Response r =
        new ApiClient(port, "admin", "admin-test")
            .postJson(
                "/api/cases",
                CaseFixtures.consumerCase(CaseFixtures.newDebtorId(), "F-MED1", "640.00", due));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("reference").asText();
  }

  @Test
  void aConsumersReferralIsRecordedAndPrescriptionIsSuspendedFromTheCreditorsWrittenAgreement() {
    String reference = consumerCase();
    LocalDate referred = CaseClock.today().minusDays(10);
    LocalDate agreed = CaseClock.today().minusDays(6);

    long id =
        mediations.startConsumerReferral(
            reference,
            "Médiation Démo Consommation",
            "MC-7",
            referred,
            agreed,
            null,
            "pi-" + UUID.randomUUID(),
            "alice");

    MediationService.Mediation m = mediations.find(id).orElseThrow();
    assertThat(m.referredBy()).isEqualTo("CONSUMER");
    assertThat(m.mediatorKind()).isEqualTo("CONSUMER_MEDIATOR");
    assertThat(m.referredOn()).isEqualTo(referred);
    assertThat(m.creditorAgreedOn()).isEqualTo(agreed);
    // both parties agreed on the later of the two days: the suspension starts then
    assertThat(m.startedOn()).isEqualTo(agreed);
    assertThat(
            jdbc.queryForObject(
                "select started_on from mediation where id = ?", LocalDate.class, id))
        .isEqualTo(agreed);
    assertThat(m.endedOn()).isNull();
  }

  @Test
  void withoutAWrittenAgreementTheSuspensionStartsAtTheFirstMeeting() {
    String reference = consumerCase();
    LocalDate referred = CaseClock.today().minusDays(20);
    LocalDate meeting = CaseClock.today().minusDays(3);

    long id =
        mediations.startConsumerReferral(
            reference,
            "Médiation Démo Consommation",
            null,
            referred,
            null,
            meeting,
            "pi-" + UUID.randomUUID(),
            "alice");

    assertThat(mediations.find(id).orElseThrow().startedOn()).isEqualTo(meeting);
    // neither an agreement nor a meeting yet: nothing to date the suspension from, nothing recorded
    String other = consumerCase();
    assertThatThrownBy(
            () ->
                mediations.startConsumerReferral(
                    other,
                    "Médiation Démo Consommation",
                    null,
                    referred,
                    null,
                    null,
                    "pi-" + UUID.randomUUID(),
                    "alice"))
        .hasMessageContaining("2238");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from mediation m join collection_case c on c.id = m.case_id where c.reference = ?",
                Long.class,
                other))
        .isZero();
  }

  @Test
  void theCreditorInformsTheConsumerOfItsMediatorByEmail() throws Exception {
    String reference = consumerCase();

    assertThat(notice.email(reference, reference + "/inform"))
        .hasValueSatisfying(status -> assertThat(status.name()).isEqualTo("SENT"));

    jakarta.mail.internet.MimeMessage mail =
        java.util.Arrays.stream(fr.recouvrement.TestServers.greenMail().getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return m.getSubject().contains(reference);
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .findFirst()
            .orElseThrow();
    String text =
        ((String) ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent())
            .replaceAll("\\s+", " ");
    assertThat(mail.getSubject()).startsWith("Votre médiateur de la consommation");
    assertThat(text)
        .contains(
            "Médiation Démo Consommation",
            "12 rue du Médiateur, 75008 Paris",
            "Vous seul pouvez le saisir",
            "L616-1");
  }
}
