package fr.recouvrement.legal.bailiff;

import java.math.BigDecimal;
import java.util.List;

/**
 * The commissaire de justice's system: takes missions and withdrawals. Bean {@code bailiffGateway};
 * models route on {@code ${bailiffGateway.configured}} ("Commissaire de justice connecté ?") to the
 * service task {@code ${requestBailiffMission}} or to collector tasks. Throws when the provider
 * does not take the request ({@link BailiffProviderException}), so that the job retries and ends as
 * an incident.
 */
public interface BailiffGateway {
  /** Whether a provider is set ({@code recouvrement.bailiff.base-url}). */
  boolean isConfigured();

  /**
   * Sends the mission; a second call with the same {@link Mission#clientReference()} must be
   * answered by the provider with the mission it already has.
   *
   * @return the provider's mission id
   */
  String requestMission(Mission mission);

  /** Asks the provider to stop a mission; idempotent on the provider's side. */
  void withdraw(String providerMissionId, String idempotencyKey, String reason);

  record Mission(
      String clientReference,
      MissionType missionType,
      String caseReference,
      Debtor debtor,
      Claim claim,
      Measure measure) {}

  record Debtor(String name, String type, String siren, Address address) {}

  record Address(String line1, String postalCode, String city, String country) {}

  /**
   * The amount pursued, in euros, at the time of the request: only due, undisputed invoices, with
   * their penalties and €40 indemnities (a professional) or legal interest (a consumer). {@code
   * balance} is the total claimed, {@code invoices} its breakdown per invoice (added to the
   * contract: a provider that ignores it keeps working).
   */
  record Claim(
      BigDecimal principal, BigDecimal balance, String currency, List<ClaimedInvoice> invoices) {
    public Claim(BigDecimal principal, BigDecimal balance, String currency) {
      this(principal, balance, currency, List.of());
    }
  }

  /** One invoice of the claim: its number, due date and what is claimed on it. */
  record ClaimedInvoice(
      String number,
      String dueDate,
      BigDecimal principal,
      BigDecimal latePenalty,
      BigDecimal recoveryIndemnity,
      BigDecimal legalInterest,
      BigDecimal total) {}

  /**
   * @param enforceableTitleOn ISO date of the enforceable title, null when there is none yet
   * @param instructions free text chosen in the model or by the collector (may be null)
   */
  record Measure(String enforceableTitleOn, String instructions) {}
}
