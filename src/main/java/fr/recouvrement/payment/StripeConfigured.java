package fr.recouvrement.payment;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Stripe's beans exist only when its secret key or its webhook secret is set (not blank): without
 * them the portal finds no {@link PaymentProvider} and shows no « Payer en ligne » button, and the
 * webhook URL answers 404. One set without the other stops the start ({@link
 * StripeSettings#configured}).
 */
class StripeConfigured implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Binder binder = Binder.get(context.getEnvironment());
    return set(binder, StripeSettings.SECRET_KEY) || set(binder, StripeSettings.WEBHOOK_SECRET);
  }

  private static boolean set(Binder binder, String property) {
    return binder.bind(property, String.class).map(value -> !value.isBlank()).orElse(false);
  }
}
