package fr.recouvrement.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * When online payment exists (only the Stripe configuration in a bare context, not the
 * application), and the exact euro ↔ cent conversion it relies on.
 */
class StripeConfigurationTest {
  final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(StripeConfiguration.class);

  @Test
  void withoutStripeSettingsThereIsNoPaymentProviderSoThePortalShowsNoButton() {
    context.run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(PaymentProvider.class));
    context
        .withPropertyValues("recouvrement.payment.stripe.secret-key=  ")
        .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(PaymentProvider.class));
  }

  @Test
  void withBothSecretsStripeIsThePaymentProvider() {
    context
        .withPropertyValues(
            "recouvrement.payment.stripe.secret-key=sk_test_x",
            "recouvrement.payment.stripe.webhook-secret=whsec_x")
        .run(
            c ->
                assertThat(c)
                    .hasSingleBean(PaymentProvider.class)
                    .getBean(PaymentProvider.class)
                    .extracting(PaymentProvider::name)
                    .isEqualTo("stripe"));
  }

  @Test
  void oneSecretWithoutTheOtherStopsTheStartWithAClearMessage() {
    context
        .withPropertyValues("recouvrement.payment.stripe.secret-key=sk_test_x")
        .run(
            c ->
                assertThat(c)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("half configured"));
    context
        .withPropertyValues("recouvrement.payment.stripe.webhook-secret=whsec_x")
        .run(
            c ->
                assertThat(c)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("half configured"));
  }

  @Test
  void eurosBecomeWholeCentsExactlyAndBack() {
    assertThat(Cents.of(new BigDecimal("1234.56"))).isEqualTo(123456L);
    assertThat(Cents.of(new BigDecimal("0.1"))).isEqualTo(10L);
    assertThat(Cents.of(new BigDecimal("40"))).isEqualTo(4000L);
    assertThat(Cents.of(new BigDecimal("19.990")))
        .isEqualTo(1999L); // a trailing zero is not a third decimal
    assertThat(Cents.toEuros(105237L))
        .isEqualByComparingTo("1052.37")
        .extracting(BigDecimal::scale)
        .isEqualTo(2);
    assertThatThrownBy(() -> Cents.of(new BigDecimal("10.005")))
        .hasMessageContaining("at most 2 decimals");
    assertThatThrownBy(() -> Cents.of(BigDecimal.ZERO)).hasMessageContaining("greater than 0");
  }
}
