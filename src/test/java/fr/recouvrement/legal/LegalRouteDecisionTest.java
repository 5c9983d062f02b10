package fr.recouvrement.legal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.DecisionTables;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;

/** processes/decisions/legal-route.dmn. */
class LegalRouteDecisionTest {
  static final DecisionTables TABLE = DecisionTables.load("legal-route");

  /** A contractual claim of 3,200 € on a trader after an unanswered formal notice. */
  static DmnDecisionResultEntries route(Consumer<Map<String, Object>> change) {
    Map<String, Object> in = new HashMap<>();
    in.put("escalationDecision", "FORMAL_NOTICE");
    in.put("claimAmount", 3200.0);
    in.put("claimOrigin", "CONTRACTUAL");
    in.put("debtorType", "BUSINESS");
    in.put("consumerCredit", false);
    in.put("debtorRefusedSmallClaims", false);
    in.put("debtorCommercial", true);
    change.accept(in);
    return TABLE.evaluate(in);
  }

  static String summary(DmnDecisionResultEntries r) {
    assertThat((String) r.getEntry("reason")).isNotBlank();
    return r.getEntry("route") + "|" + r.getEntry("court") + "|" + r.getEntry("cerfa");
  }

  @Test
  void aContractualClaimOfAtMostFiveThousandEurosGoesToTheSmallClaimsProcedure() {
    assertThat(summary(route(in -> {}))).isEqualTo("SMALL_CLAIMS||");
    assertThat(summary(route(in -> in.put("claimAmount", 5000.00)))).isEqualTo("SMALL_CLAIMS||");
    assertThat(summary(route(in -> in.put("claimAmount", 5000.01))))
        .isEqualTo("ORDER_TO_PAY|tribunal de commerce|12946");
    // consumers too, credit included: L125-1 only asks for a contractual claim of at most 5,000 €
    assertThat(
            summary(
                route(
                    in -> {
                      in.put("debtorType", "CONSUMER");
                      in.put("consumerCredit", true);
                    })))
        .isEqualTo("SMALL_CLAIMS||");
  }

  @Test
  void aRefusalOrSilenceOrANonContractualClaimLeadsToAnOrderToPay() {
    assertThat(summary(route(in -> in.put("debtorRefusedSmallClaims", true))))
        .isEqualTo("ORDER_TO_PAY|tribunal de commerce|12946");
    assertThat(
            summary(
                route(
                    in -> {
                      in.put("claimOrigin", "OTHER");
                      in.put("debtorType", "CONSUMER");
                    })))
        .isEqualTo("ORDER_TO_PAY|tribunal judiciaire|12948");
  }

  @Test
  void theOrderToPayGoesToTheCourtThatFitsTheDebtor() {
    assertThat(summary(route(in -> in.put("claimAmount", 12000.0))))
        .isEqualTo("ORDER_TO_PAY|tribunal de commerce|12946");
    assertThat(
            summary(
                route(
                    in -> {
                      in.put("claimAmount", 12000.0);
                      in.put("debtorType", "CONSUMER");
                      in.put("consumerCredit", true);
                    })))
        .isEqualTo("ORDER_TO_PAY|juge des contentieux de la protection|16040");
    assertThat(
            summary(
                route(
                    in -> {
                      in.put("claimAmount", 12000.0);
                      in.put("debtorType", "CONSUMER");
                    })))
        .isEqualTo("ORDER_TO_PAY|tribunal judiciaire|12948");
    // a lease between professionals stays with the commercial court
    assertThat(
            summary(
                route(
                    in -> {
                      in.put("claimAmount", 12000.0);
                      in.put("consumerCredit", true);
                    })))
        .isEqualTo("ORDER_TO_PAY|tribunal de commerce|12946");
  }

  @Test
  void theEscalationDecisionCanSendTheCaseToAnAgencyOrToWriteOff() {
    assertThat(summary(route(in -> in.put("escalationDecision", "AGENCY")))).isEqualTo("AGENCY||");
    assertThat(summary(route(in -> in.put("escalationDecision", "WRITE_OFF"))))
        .isEqualTo("WRITE_OFF||");
  }

  @Test
  void noLegalRouteWithoutAFormalNotice() {
    assertThat(route(in -> in.put("escalationDecision", "CONTINUE_AMICABLE"))).isNull();
  }

  @Test
  void aClaimThatBecamePrescribedDuringTheFormalNoticeGoesToWriteOffNotToCourt() {
    assertThat(summary(route(in -> in.put("prescribed", true)))).isEqualTo("WRITE_OFF||");
    assertThat(route(in -> in.put("prescribed", false)).getEntry("route").toString())
        .isEqualTo("SMALL_CLAIMS");
  }

  @Test
  void anOrderToPayAgainstATraderGoesToTheTribunalDeCommerce() {
    assertThat(summary(route(in -> in.put("claimAmount", 12000.0))))
        .isEqualTo("ORDER_TO_PAY|tribunal de commerce|12946");
  }

  @Test
  void anOrderToPayAgainstABusinessThatIsNotATraderSuchAsAnSciGoesToTheTribunalJudiciaire() {
    // an SCI, a doctor, an association or a farmer: a professional, not a trader (C. com. L721-3)
    assertThat(
            summary(
                route(
                    in -> {
                      in.put("claimAmount", 12000.0);
                      in.put("debtorCommercial", false);
                    })))
        .isEqualTo("ORDER_TO_PAY|tribunal judiciaire|12948");
    // the same after the debtor refused the small-claims procedure
    assertThat(
            summary(
                route(
                    in -> {
                      in.put("debtorRefusedSmallClaims", true);
                      in.put("debtorCommercial", false);
                    })))
        .isEqualTo("ORDER_TO_PAY|tribunal judiciaire|12948");
    // the reason the collector reads names the non-trader
    assertThat(
            (String)
                route(
                        in -> {
                          in.put("claimAmount", 12000.0);
                          in.put("debtorCommercial", false);
                        })
                    .getEntry("reason"))
        .contains("non commerçant");
  }
}
