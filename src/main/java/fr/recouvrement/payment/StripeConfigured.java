package fr.recouvrement.payment;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Stripe's beans exist only when its secret key is set (not blank): without them the portal finds no
 * {@link PaymentProvider} and shows no « Payer en ligne » button, and the webhook URL answers 404.
 */
class StripeConfigured implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return Binder.get(context.getEnvironment())
        .bind(StripeSettings.SECRET_KEY, String.class)
        .map(key -> !key.isBlank())
        .orElse(false);
  }
}
