package fr.recouvrement.legal.bailiff;

/** No bailiff API: the models route to the collector's hand-over task instead. */
final class UnconfiguredBailiffGateway implements BailiffGateway {
  @Override
  public boolean isConfigured() {
    return false;
  }

  @Override
  public String requestMission(Mission mission) {
    throw new IllegalStateException(
        "No bailiff API (recouvrement.bailiff.base-url): mission "
            + mission.clientReference()
            + " cannot be sent; the model should route on ${bailiffGateway.configured} to the collector's hand-over task"
            + " (${recordManualBailiffMission})");
  }

  @Override
  public void withdraw(String providerMissionId, String idempotencyKey, String reason) {
    throw new IllegalStateException(
        "No bailiff API (recouvrement.bailiff.base-url): mission "
            + providerMissionId
            + " cannot be withdrawn through it; tell the commissaire de justice directly");
  }
}
