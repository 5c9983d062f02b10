package fr.recouvrement;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The outside world of the integration tests, started once per JVM on free local ports: a GreenMail
 * SMTP server, and one WireMock server standing for Twilio (under {@code /2010-04-01/...}), for the
 * postal provider (under {@code /postal}) and for the bailiff's API (under {@code /bailiff}; a test
 * that runs a model through {@code ${requestBailiffMission}} stubs {@code POST /bailiff/missions},
 * see {@code legal/bailiff/BailiffStubs}) and for Stripe (under {@code /v1}; see {@code
 * payment/StripePaymentTest}). Pointing the application at them is part of the one shared context
 * ({@link IntegrationTest}), so no test forks another.
 *
 * <p>Tests reach them through {@link #greenMail()} and {@link #wireMock()}, and call {@link
 * #reset()} before each test: stubs, recorded requests and received mail are shared state.
 */
public final class TestServers
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  public static final String TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000000";
  public static final String TWILIO_AUTH_TOKEN = "test-auth-token";
  public static final String TWILIO_FROM = "+33700000000";
  public static final String POSTAL_PATH = "/postal";
  public static final String POSTAL_API_KEY = "test-postal-key";

  /** Short, so that a test of a slow provider stays short. */
  public static final int POSTAL_READ_TIMEOUT_MS = 2000;

  public static final String BAILIFF_PATH = "/bailiff";
  public static final String BAILIFF_API_KEY = "test-bailiff-key";
  public static final String BAILIFF_CALLBACK_SECRET = "test-bailiff-callback-secret";

  /**
   * Short, so that a test of a slow provider stays short, yet long enough for a first request to a
   * cold WireMock on a busy 2-core build machine (2 s timed out there).
   */
  public static final int BAILIFF_READ_TIMEOUT_MS = 5000;

  /**
   * Stripe's API is the WireMock server (under {@code /v1/...}); its webhooks are signed with this
   * secret.
   */
  public static final String STRIPE_SECRET_KEY = "sk_test_recouvrement";

  public static final String STRIPE_WEBHOOK_SECRET = "whsec_test_recouvrement";

  /**
   * The BODACC's Opendatasoft portal is the WireMock server under this path (the insolvency watch;
   * no daily run in tests).
   */
  public static final String BODACC_PATH = "/bodacc";

  private static GreenMail greenMail;
  private static WireMockServer wireMock;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    String wireMockUrl = "http://127.0.0.1:" + wireMock.port();
    TestPropertyValues.of(
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + greenMail.getSmtp().getPort(),
            "recouvrement.sms.twilio.account-sid=" + TWILIO_ACCOUNT_SID,
            "recouvrement.sms.twilio.auth-token=" + TWILIO_AUTH_TOKEN,
            "recouvrement.sms.twilio.from=" + TWILIO_FROM,
            "recouvrement.sms.twilio.api-base-url=" + wireMockUrl,
            "recouvrement.postal.base-url=" + wireMockUrl + POSTAL_PATH,
            "recouvrement.postal.api-key=" + POSTAL_API_KEY,
            "recouvrement.postal.read-timeout=" + POSTAL_READ_TIMEOUT_MS + "ms",
            "recouvrement.bailiff.base-url=" + wireMockUrl + BAILIFF_PATH,
            "recouvrement.bailiff.api-key=" + BAILIFF_API_KEY,
            "recouvrement.bailiff.callback-secret=" + BAILIFF_CALLBACK_SECRET,
            "recouvrement.bailiff.read-timeout=" + BAILIFF_READ_TIMEOUT_MS + "ms",
            "recouvrement.payment.stripe.secret-key=" + STRIPE_SECRET_KEY,
            "recouvrement.payment.stripe.webhook-secret=" + STRIPE_WEBHOOK_SECRET,
            "recouvrement.payment.stripe.api-base-url=" + wireMockUrl,
            "recouvrement.payment.stripe.read-timeout=" + BAILIFF_READ_TIMEOUT_MS + "ms",
            "recouvrement.insolvency-watch.base-url=" + wireMockUrl + BODACC_PATH,
            "recouvrement.insolvency-watch.pause=0ms",
            "recouvrement.insolvency-watch.backoff=20ms",
            "recouvrement.insolvency-watch.max-attempts=3",
            "recouvrement.insolvency-watch.timeout=" + BAILIFF_READ_TIMEOUT_MS + "ms")
        .applyTo(context);
  }

  private static synchronized void start() {
    if (greenMail != null) {
      return;
    }
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    WireMockServer http =
        new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    http.start();
    greenMail = mail;
    wireMock = http;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.stop();
                  mail.stop();
                },
                "test-servers-stop"));
  }

  public static GreenMail greenMail() {
    start();
    return greenMail;
  }

  public static WireMockServer wireMock() {
    start();
    return wireMock;
  }

  /** Forgets stubs, recorded requests, scenarios and received mail. */
  public static void reset() {
    wireMock().resetAll();
    try {
      greenMail().purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Twilio's messages endpoint for the test account (a scenario checks what was sent there). */
  public static final String TWILIO_MESSAGES =
      "/2010-04-01/Accounts/" + TWILIO_ACCOUNT_SID + "/Messages.json";

  /** The postal provider's letters endpoint. */
  public static final String POSTAL_LETTERS = POSTAL_PATH + "/letters";

  /**
   * Twilio takes every SMS and the postal provider every letter (with this tracking id): what a
   * whole case needs.
   */
  public static void acceptSmsAndLetters(String trackingId) {
    wireMock()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(TWILIO_MESSAGES))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"sid\": \"SM0001\", \"status\": \"queued\", \"account_sid\": \""
                                + TWILIO_ACCOUNT_SID
                                + "\"}")));
    wireMock()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(POSTAL_LETTERS))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"trackingId\": \"" + trackingId + "\", \"status\": \"ACCEPTED\"}")));
  }

  /**
   * The postal provider's signed acknowledgement callback, posted to the application on that port.
   */
  public static ApiClient.Response postalCallback(int port, String body) {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/callbacks/postal"))
            .header("Content-Type", "application/json")
            .header(fr.recouvrement.kernel.provider.SignedCallbacks.TIMESTAMP_HEADER, timestamp)
            .header(
                fr.recouvrement.kernel.provider.SignedCallbacks.SIGNATURE_HEADER,
                fr.recouvrement.kernel.provider.SignedCallbacks.sign(
                    "test-postal-callback-secret", timestamp, bytes))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    try {
      java.net.http.HttpResponse<String> r =
          java.net.http.HttpClient.newHttpClient()
              .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      return new ApiClient.Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
