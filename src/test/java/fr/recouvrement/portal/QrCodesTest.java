package fr.recouvrement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The EPC069-12 « SEPA » transfer payload a banking app reads, line by line. */
class QrCodesTest {
  @Test
  void theEpcPayloadCarriesTheBeneficiaryIbanAmountAndReference() {
    String payload =
        QrCodes.epcPayload(
            "Démo Créancier SAS",
            "FR76 3000 6000 0112 3456 7890 189",
            new BigDecimal("1290.5"),
            "DOS-2026-000123");
    // service tag, version 002, UTF-8 (1), SEPA credit transfer, no BIC (optional in the EEA),
    // name, IBAN without
    // spaces, amount in euros with two decimals, no purpose, no structured reference, the reference
    // as free text
    assertThat(payload.split("\n", -1))
        .containsExactly(
            "BCD",
            "002",
            "1",
            "SCT",
            "",
            "Démo Créancier SAS",
            "FR7630006000011234567890189",
            "EUR1290.50",
            "",
            "",
            "DOS-2026-000123");
  }

  @Test
  void anAmountOutsideWhatTheStandardAllowsIsLeftForTheDebtorToType() {
    assertThat(QrCodes.epcPayload("A", "FR76", new BigDecimal("0.00"), "R").split("\n", -1)[7])
        .isEmpty();
    assertThat(
            QrCodes.epcPayload("A", "FR76", new BigDecimal("1000000000.00"), "R")
                .split("\n", -1)[7])
        .isEmpty();
  }

  @Test
  void aFileIsRecognisedByItsFirstBytesNeverByItsName() {
    assertThat(PortalActions.sniff("%PDF-1.7".getBytes())).isEqualTo("application/pdf");
    assertThat(PortalActions.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
        .isEqualTo("image/png");
    assertThat(PortalActions.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
        .isEqualTo("image/jpeg");
    assertThat(PortalActions.sniff("<html><script>".getBytes())).isNull();
    assertThat(PortalActions.sniff("MZ\u0090\u0000".getBytes())).isNull();
  }
}
