package fr.recouvrement.legal.insolvency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How one BODACC record is read (the shapes the dataset is seen in), and when the daily run is
 * scheduled. The whole watch against a stub of the API is {@link BodaccWatchTest}.
 */
class BodaccClientTest {
  final ObjectMapper json = new ObjectMapper();

  static BodaccWatchSettings settings(String baseUrl, LocalTime time) {
    return new BodaccWatchSettings(
        baseUrl,
        time,
        20,
        Duration.ZERO,
        Duration.ofSeconds(1),
        1,
        Duration.ZERO,
        Duration.ofSeconds(1),
        Period.ofMonths(6));
  }

  final BodaccClient client = new BodaccClient(settings("http://127.0.0.1:1", null), json, d -> {});

  @Test
  void aJudgmentGivenAsAnObjectAndARegistryGivenAsOneTextAreReadToo() throws Exception {
    var record =
        json.readTree(
            """
        {"id": "A202611140099", "typeavis": "annonce", "familleavis": "collective", "dateparution": "2026-11-14",
         "tribunal": "TRIBUNAL DE COMMERCE DE NANTES", "commercant": "Conserverie Imaginaire SAS",
         "registre": "812 345 675, 812345675",
         "jugement": {"famille": "Jugement d'ouverture", "nature": "Jugement d'ouverture de liquidation judiciaire",
                      "date": "2026-11-05"}}""");

    BodaccAnnouncement read = client.read(record, Set.of("812345675")).orElseThrow();

    assertThat(read)
        .isEqualTo(
            new BodaccAnnouncement(
                "A202611140099",
                "812345675",
                "Conserverie Imaginaire SAS",
                InsolvencyProcedure.LIQUIDATION,
                "Jugement d'ouverture de liquidation judiciaire",
                "TRIBUNAL DE COMMERCE DE NANTES",
                LocalDate.of(2026, 11, 5),
                LocalDate.of(2026, 11, 14)));
  }

  @Test
  void anOpeningWhoseDateCannotBeReadIsNotProposed() throws Exception {
    var record =
        json.readTree(
            """
        {"id": "A202611140100", "typeavis": "annonce", "dateparution": "2026-11-14", "registre": ["812345675"],
         "jugement": "{\\"famille\\": \\"Jugement d'ouverture\\", \\"nature\\": \\"Jugement d'ouverture d'une procédure de sauvegarde\\", \\"date\\": \\"5 novembre 2026\\"}"}""");

    assertThat(client.read(record, Set.of("812345675"))).isEmpty();
  }

  @Test
  void theDailyRunIsScheduledOnlyWithABaseUrlAndAnHour() {
    BodaccWatch watch = new BodaccWatch(null, null, null, null, null, null, null, null);
    var withHour =
        new BodaccWatchConfiguration.DailyRun(
            settings("https://bodacc-datadila.opendatasoft.com", LocalTime.of(6, 30)),
            new BodaccWatchConfiguration.Watch(watch));
    var withoutHour =
        new BodaccWatchConfiguration.DailyRun(
            settings("https://bodacc-datadila.opendatasoft.com", null),
            new BodaccWatchConfiguration.Watch(watch));
    var off =
        new BodaccWatchConfiguration.DailyRun(
            settings(null, LocalTime.of(6, 30)), new BodaccWatchConfiguration.Watch(null));
    try {
      withHour.start();
      withoutHour.start();
      off.start();

      assertThat(withHour.scheduled()).isTrue();
      assertThat(withoutHour.scheduled()).isFalse();
      assertThat(off.scheduled()).isFalse();
    } finally {
      withHour.destroy();
    }
  }
}
