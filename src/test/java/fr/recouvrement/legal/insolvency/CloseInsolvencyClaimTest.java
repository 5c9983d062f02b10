package fr.recouvrement.legal.insolvency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reason the write-off shows after a collective proceeding. */
class CloseInsolvencyClaimTest {
  @Test
  void theReasonSaysWhyTheClaimIsLostAndThatItsVatCanBeRecovered() {
    assertThat(CloseInsolvencyClaim.writeOffReason("liquidation judiciaire", "LIQUIDATION_CLOSED"))
        .startsWith(
            "Procédure collective (liquidation judiciaire) : liquidation judiciaire clôturée pour insuffisance d'actif.")
        .contains("TVA", "CGI art. 272");
    assertThat(CloseInsolvencyClaim.writeOffReason("redressement judiciaire", "REJECTED"))
        .contains("rejetée par le juge-commissaire", "CGI art. 272");
    assertThat(CloseInsolvencyClaim.writeOffReason("procédure de sauvegarde", "ADMITTED"))
        .contains("admise mais non payée", "CGI art. 272");
  }
}
