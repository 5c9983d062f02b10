package fr.recouvrement.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.recouvrement.cases.CaseConflictException;
import fr.recouvrement.cases.CaseNotFoundException;
import fr.recouvrement.cases.CaseService;
import fr.recouvrement.cases.InvalidRequestException;
import fr.recouvrement.cases.InvalidRequestException.FieldProblem;
import fr.recouvrement.cases.PaymentRequest;
import fr.recouvrement.cases.PaymentSource;
import fr.recouvrement.kernel.time.CaseClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Turns a verified Stripe event into a payment of the case. Only a paid Checkout session counts:
 * {@code checkout.session.completed} with {@code payment_status} {@code paid} (a card), or {@code
 * checkout.session.async_payment_succeeded} (a transfer that cleared later). Any other event is
 * acknowledged and ignored.
 *
 * <p>The payment is recorded by {@link CaseService#recordPayment} with the payment intent's id
 * ({@code pi_…}) as its reference, source DEBTOR, actor {@code stripe}: the case row is locked for
 * the transaction and a reference already recorded is answered, not counted, so an event delivered
 * twice — one after the other or at the same instant — records one payment. The amount is Stripe's
 * {@code amount_total} in cents, made euros exactly; the date is the Paris day of the event. A
 * payment the case refuses (closed, under a procédure collective, unknown…) is money the provider
 * already took: it is kept by {@link HeldPayments} for a supervisor, and answered 200 {@code HELD}
 * so that Stripe does not retry it for days and then give up.
 *
 * <p>The event is read from its JSON rather than through the SDK's typed objects, which refuse an
 * event rendered in another API version than the SDK's: the endpoint keeps working whichever
 * version the creditor's Stripe account sends.
 */
@Component
@Conditional(StripeConfigured.class)
class StripeWebhooks {
  static final String ACTOR = "stripe";
  private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

  /**
   * A concurrent delivery that lost a lock is tried again this many times before 409 (Stripe
   * retries later).
   */
  private static final int ATTEMPTS = 3;

  private final CaseService cases;
  private final HeldPayments heldPayments;
  private final ObjectMapper json;

  StripeWebhooks(CaseService cases, HeldPayments heldPayments, ObjectMapper json) {
    this.cases = cases;
    this.heldPayments = heldPayments;
    this.json = json;
  }

  /** What the endpoint answers once the signature is verified. */
  record Answer(
      String eventId,
      String result,
      String caseReference,
      String paymentReference,
      boolean duplicate,
      String caseStatus) {}

  ResponseEntity<Object> receive(String payload) {
    JsonNode event;
    try {
      event = json.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          List.of(new FieldProblem("body", "is not a JSON Stripe event")));
    }
    String eventId = event.path("id").asText("");
    String type = event.path("type").asText("");
    JsonNode session = event.path("data").path("object");
    boolean paid =
        type.equals("checkout.session.async_payment_succeeded")
            || type.equals("checkout.session.completed")
                && "paid".equals(session.path("payment_status").asText());
    if (!paid) {
      log.info("Stripe event {} ({}) acknowledged: not a paid checkout", eventId, type);
      return ResponseEntity.ok(new Answer(eventId, "IGNORED", null, null, false, null));
    }
    Payment payment = payment(event, session);
    PaymentRequest request =
        new PaymentRequest(
            payment.amount(), payment.date(), payment.reference(), PaymentSource.DEBTOR.name());
    for (int attempt = 1; ; attempt++) {
      try {
        // a payment the provider has taken is money received: it may settle and close the case
        CaseService.Recorded recorded =
            cases.recordPayment(payment.caseReference(), request, ACTOR, true);
        if (!recorded.duplicate()) {
          log.info(
              "Stripe payment {} of {} € recorded on case {}",
              payment.reference(),
              payment.amount(),
              payment.caseReference());
        }
        return ResponseEntity.ok(
            new Answer(
                eventId,
                "RECORDED",
                payment.caseReference(),
                payment.reference(),
                recorded.duplicate(),
                recorded.view().status().name()));
      } catch (CaseNotFoundException | CaseConflictException | InvalidRequestException refused) {
        // the provider has the debtor's money: kept for a supervisor, and Stripe told to stop
        // retrying
        HeldPayments.Held held =
            heldPayments.hold(
                ACTOR,
                payment.reference(),
                payment.caseReference(),
                payment.amount(),
                payment.date(),
                refused.getMessage());
        return ResponseEntity.ok(
            new Answer(
                eventId, "HELD", payment.caseReference(), held.providerReference(), false, null));
      } catch (ConcurrencyFailureException
          | DuplicateKeyException
          | OptimisticLockingException lost) {
        // another delivery of the same event holds the case: once it commits, this one finds the
        // payment recorded
        if (attempt >= ATTEMPTS) {
          ProblemDetail problem =
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.CONFLICT,
                  "This payment is being recorded by another delivery at this moment; nothing was done by this one.");
          problem.setTitle("Payment being recorded");
          return ResponseEntity.status(HttpStatus.CONFLICT)
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .body(problem);
        }
        pause(attempt);
      }
    }
  }

  private record Payment(
      String caseReference, String reference, BigDecimal amount, LocalDate date) {}

  /** The payment the session describes, or a problem naming each field at fault. */
  private static Payment payment(JsonNode event, JsonNode session) {
    List<FieldProblem> problems = new ArrayList<>();
    String caseReference =
        text(session.path("metadata").path(StripePaymentProvider.CASE_REFERENCE));
    if (caseReference == null) {
      caseReference = text(session.path("client_reference_id"));
    }
    if (caseReference == null) {
      problems.add(
          new FieldProblem(
              "data.object.metadata." + StripePaymentProvider.CASE_REFERENCE,
              "is required: the case this checkout was opened for"));
    }
    // the payment intent is the payment; a session without one (never for mode=payment) falls back
    // to its own id
    String reference = text(session.path("payment_intent"));
    if (reference == null) {
      reference = text(session.path("id"));
    }
    if (reference == null) {
      problems.add(new FieldProblem("data.object.payment_intent", "is required"));
    }
    String currency = text(session.path("currency"));
    if (currency == null
        || !currency.toLowerCase(Locale.ROOT).equals(StripePaymentProvider.CURRENCY)) {
      problems.add(new FieldProblem("data.object.currency", "must be eur, was " + currency));
    }
    JsonNode total = session.path("amount_total");
    if (!total.canConvertToLong() || !total.isIntegralNumber() || total.asLong() <= 0) {
      problems.add(
          new FieldProblem("data.object.amount_total", "must be a positive whole number of cents"));
    }
    JsonNode created = event.path("created");
    if (!created.isIntegralNumber()) {
      problems.add(new FieldProblem("created", "must be epoch seconds"));
    }
    if (!problems.isEmpty()) {
      log.error("Stripe paid event {} cannot be recorded: {}", event.path("id").asText(), problems);
      throw new InvalidRequestException(problems);
    }
    LocalDate date = LocalDate.ofInstant(Instant.ofEpochSecond(created.asLong()), CaseClock.PARIS);
    return new Payment(caseReference, reference, Cents.toEuros(total.asLong()), date);
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText().trim() : null;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(200L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
