package fr.recouvrement.legal.bailiff;

import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code bailiff_mission} table, written so that a mission reaches the provider once.
 *
 * <p>As with the communication log of the channels: the row is written PENDING under the step's
 * client reference in its own committed transaction before the provider is called, and marked
 * REQUESTED (with the provider's id) in another one after. A retried job finds the row: REQUESTED,
 * it does not call again; still PENDING (the previous attempt failed, timed out or died), it calls
 * again with the same client reference as Idempotency-Key, and the provider answers with the
 * mission it already has. The provider's duplicate detection closes the window that our table alone
 * cannot.
 *
 * <p>A PENDING row carries a lease while an attempt is calling the provider ({@code
 * recouvrement.delivery.lease}, wall-clock time): a second executor of the same step at the same
 * moment (a Cockpit « Retry », another node) does not call; it fails its job with {@link
 * MissionInFlightException} and retries later. Only an expired lease is taken for a crash.
 */
@Repository
public class BailiffMissions {
  private static final Logger log = LoggerFactory.getLogger(BailiffMissions.class);
  private static final int MAX_ERROR = 1000;

  public record Mission(
      long id,
      long caseId,
      String caseReference,
      MissionType type,
      String clientReference,
      String providerMissionId,
      MissionStatus status,
      String outcome,
      BigDecimal amountRecovered,
      String error) {}

  /**
   * The provider's id of a mission was recorded: published in the transaction of the step that
   * asked for the mission.
   */
  record MissionIdRecorded(String providerMissionId) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Duration lease;
  private final ApplicationEventPublisher events;

  BailiffMissions(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      @Value("${recouvrement.delivery.lease:PT5M}") Duration lease,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
    this.lease = lease;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The mission of this client reference, written now with {@code initial} status (PENDING or
   * MANUAL) if it is new; committed before this returns.
   */
  Mission begin(
      String caseReference,
      MissionType type,
      String clientReference,
      MissionStatus initial,
      String actor) {
    try {
      return ownTransaction.execute(
          status -> beginIn(caseReference, type, clientReference, initial, actor));
    } catch (DuplicateKeyException concurrent) {
      // another executor of the same step inserted first (a failed insert spoils a PostgreSQL
      // transaction)
      log.warn("Bailiff mission {} recorded concurrently", clientReference);
      return ownTransaction.execute(
          status -> beginIn(caseReference, type, clientReference, initial, actor));
    }
  }

  private Mission beginIn(
      String caseReference,
      MissionType type,
      String clientReference,
      MissionStatus initial,
      String actor) {
    // lock the mission row alone (a join would lock the case row too)
    boolean exists =
        !jdbc.queryForList(
                "select id from bailiff_mission where client_reference = ? for update",
                Long.class,
                clientReference)
            .isEmpty();
    Optional<Mission> known = exists ? byClientReference(clientReference) : Optional.empty();
    if (known.isPresent()) {
      Mission m = known.get();
      if (m.status() == MissionStatus.PENDING) {
        Instant now = Instant.now();
        Timestamp live =
            jdbc.queryForObject(
                "select lease_until from bailiff_mission where id = ?", Timestamp.class, m.id());
        if (live != null && live.toInstant().isAfter(now)) {
          throw new MissionInFlightException(clientReference, live.toInstant());
        }
        jdbc.update(
            "update bailiff_mission set lease_until = ? where id = ?",
            Timestamp.from(now.plus(lease)),
            m.id());
        log.warn(
            "Bailiff mission {} was left PENDING by an attempt that did not finish: the provider may have it;"
                + " asking again with the same Idempotency-Key",
            clientReference);
      }
      return m;
    }
    int inserted =
        jdbc.update(
            "insert into bailiff_mission (case_id, mission_type, client_reference, status, requested_at, requested_by,"
                + " lease_until) select id, ?, ?, ?, ?, ?, ? from collection_case where reference = ?",
            type.name(),
            clientReference,
            initial.name(),
            Timestamp.from(CaseClock.now()),
            actor,
            initial == MissionStatus.PENDING ? Timestamp.from(Instant.now().plus(lease)) : null,
            caseReference);
    if (inserted != 1) {
      throw new IllegalStateException(
          "No case " + caseReference + " to record a bailiff mission on");
    }
    return byClientReference(clientReference).orElseThrow();
  }

  /**
   * Records the provider's id, in its own transaction.
   *
   * @return false when the mission was withdrawn while the provider was being called
   */
  boolean requested(long id, String providerMissionId) {
    Integer updated =
        ownTransaction.execute(
            status ->
                jdbc.update(
                    "update bailiff_mission set status = ?, provider_mission_id = ?, error = null, updated_at = ?,"
                        + " lease_until = null where id = ? and status = ?",
                    MissionStatus.REQUESTED.name(),
                    providerMissionId,
                    Timestamp.from(CaseClock.now()),
                    id,
                    MissionStatus.PENDING.name()));
    if (updated != null && updated == 1) {
      // a report that came before this id was known is applied once the caller's transaction
      // commits (review M5)
      events.publishEvent(new MissionIdRecorded(providerMissionId));
      return true;
    }
    // withdrawn meanwhile: keep the provider's id, so that the mission can be stopped
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.update(
                "update bailiff_mission set provider_mission_id = ?, updated_at = ?, lease_until = null where id = ?",
                providerMissionId,
                Timestamp.from(CaseClock.now()),
                id));
    return false;
  }

  /**
   * A retried step found its mission already requested (the attempt that recorded the provider's id
   * failed after): reports kept for that id are applied once this step commits, as after {@link
   * #requested}.
   */
  void alreadyRequested(Mission mission) {
    if (mission.providerMissionId() != null) {
      events.publishEvent(new MissionIdRecorded(mission.providerMissionId()));
    }
  }

  /** Keeps why the provider call failed; the row stays PENDING, so the retry calls again. */
  void failed(long id, RuntimeException cause) {
    String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "update bailiff_mission set error = ?, updated_at = ?, lease_until = null where id = ?",
                  error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error,
                  Timestamp.from(CaseClock.now()),
                  id));
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** Progress from the provider; a mission already reported or withdrawn keeps its status. */
  boolean progress(long id, MissionStatus status) {
    return jdbc.update(
            "update bailiff_mission set status = ?, updated_at = ? where id = ? and status in (?, ?, ?, ?)",
            status.name(),
            Timestamp.from(CaseClock.now()),
            id,
            MissionStatus.PENDING.name(),
            MissionStatus.REQUESTED.name(),
            MissionStatus.ACCEPTED.name(),
            MissionStatus.IN_PROGRESS.name())
        == 1;
  }

  /** The final report, in the caller's transaction (the job that runs recordBailiffReport). */
  void reported(long id, String outcome, BigDecimal amountRecovered) {
    jdbc.update(
        "update bailiff_mission set status = ?, outcome = ?, amount_recovered = ?, updated_at = ? where id = ?",
        MissionStatus.REPORTED.name(),
        outcome,
        amountRecovered,
        Timestamp.from(CaseClock.now()),
        id);
  }

  /**
   * Marks the mission stopped. {@code committedNow}: in its own transaction, for a mission already
   * stopped at the provider (a retry must not ask again); otherwise in the caller's, so that a
   * failed job leaves it open and its retry lists it again.
   */
  void withdrawn(long id, String note, boolean committedNow) {
    Runnable update =
        () ->
            jdbc.update(
                "update bailiff_mission set status = ?, error = ?, updated_at = ? where id = ?",
                MissionStatus.WITHDRAWN.name(),
                note,
                Timestamp.from(CaseClock.now()),
                id);
    if (committedNow) {
      ownTransaction.executeWithoutResult(status -> update.run());
    } else {
      update.run();
    }
  }

  public Optional<Mission> byId(long id) {
    return query(" where m.id = ?", id).stream().findFirst();
  }

  public Optional<Mission> byProviderId(String providerMissionId) {
    return query(" where m.provider_mission_id = ?", providerMissionId).stream().findFirst();
  }

  Optional<Mission> byClientReference(String clientReference) {
    return query(" where m.client_reference = ?", clientReference).stream().findFirst();
  }

  /** Every mission of the case, oldest first. */
  public List<Mission> ofCase(String caseReference) {
    return query(" where c.reference = ? order by m.requested_at, m.id", caseReference);
  }

  /** The date of the case's enforceable title, if it has one. */
  Optional<LocalDate> enforceableTitleOn(String caseReference) {
    return jdbc
        .query(
            "select enforceable_title_on from collection_case where reference = ?",
            (rs, i) -> rs.getObject(1, LocalDate.class),
            caseReference)
        .stream()
        .filter(d -> d != null)
        .findFirst();
  }

  private List<Mission> query(String where, Object... args) {
    return jdbc.query(
        "select m.id, m.case_id, c.reference, m.mission_type, m.client_reference, m.provider_mission_id, m.status,"
            + " m.outcome, m.amount_recovered, m.error from bailiff_mission m join collection_case c on c.id = m.case_id"
            + where,
        BailiffMissions::mission,
        args);
  }

  private static Mission mission(ResultSet rs, int row) throws SQLException {
    return new Mission(
        rs.getLong("id"),
        rs.getLong("case_id"),
        rs.getString("reference"),
        MissionType.valueOf(rs.getString("mission_type")),
        rs.getString("client_reference"),
        rs.getString("provider_mission_id"),
        MissionStatus.valueOf(rs.getString("status")),
        rs.getString("outcome"),
        rs.getBigDecimal("amount_recovered"),
        rs.getString("error"));
  }
}
