package fr.recouvrement.security;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups of the contract (api.md): the one place their ids are spelled. */
public final class GroupIds {
  /** Created by the Camunda starter with the first administrator; holds ALL on every resource. */
  public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

  public static final String COLLECTORS = "collectors";
  public static final String SUPERVISORS = "supervisors";
  public static final String ANALYSTS = "analysts";
  public static final String AUDITORS = "auditors";

  /**
   * Reads the operations endpoints ({@code /actuator/prometheus}, {@code /actuator/info}, health
   * details) and nothing else: the account a Prometheus server scrapes with.
   */
  public static final String MONITORING = "monitoring";

  /**
   * Who may read {@code /actuator/prometheus}, {@code /actuator/info} and the details of health.
   */
  static final List<String> OPERATORS = List.of(CAMUNDA_ADMIN, MONITORING);

  /** Every group that may read through {@code /api}. */
  static final List<String> READERS =
      List.of(CAMUNDA_ADMIN, COLLECTORS, SUPERVISORS, ANALYSTS, AUDITORS);

  /** The groups that may change a case through {@code /api}. */
  static final List<String> CASE_WORKERS = List.of(CAMUNDA_ADMIN, COLLECTORS, SUPERVISORS);

  /**
   * The groups that may take the sensitive steps of a case through {@code /api} (security review
   * L2): record a payment that settles the case, declare an insolvency or over-indebtedness
   * procedure. A collector may record any other payment.
   */
  public static final List<String> SUPERVISING = List.of(CAMUNDA_ADMIN, SUPERVISORS);

  /** Whether the caller of an {@code /api} request belongs to one of {@link #SUPERVISING}. */
  public static boolean supervising(java.security.Principal caller) {
    return caller instanceof org.springframework.security.core.Authentication a
        && a.getAuthorities().stream().anyMatch(g -> SUPERVISING.contains(g.getAuthority()));
  }

  private GroupIds() {}
}
