package fr.recouvrement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.ApiClient;
import fr.recouvrement.IntegrationTest;
import fr.recouvrement.security.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description at /api/openapi.json, as an integrator's tool reads it: every handler the
 * application maps under /api is in it, every request body has an example, every problem the API
 * can answer is there with its example, and api.md's additions are described.
 */
@IntegrationTest
class OpenApiDescriptionTest {
  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  JsonNode description;

  @BeforeEach
  void read() {
    TestUsers.ensureAll(identity);
    ApiClient.Response r = TestUsers.as(port, TestUsers.COLLECTOR).get("/api/openapi.json");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    description = r.json();
  }

  @Test
  void everyApiHandlerTheApplicationMapsIsDescribed() {
    List<String> missing = new ArrayList<>();
    int handlers = 0;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (e.getValue().getBeanType().getName().startsWith("org.springdoc")) {
        continue; // the description's own endpoints
      }
      for (String path : e.getKey().getPatternValues()) {
        if (!path.startsWith("/api/")) {
          continue;
        }
        var methods = e.getKey().getMethodsCondition().getMethods();
        assertThat(methods).as("%s declares its HTTP method", path).isNotEmpty();
        for (var method : methods) {
          handlers++;
          JsonNode operation =
              description.path("paths").path(path).path(method.name().toLowerCase());
          if (operation.isMissingNode()) {
            missing.add(method + " " + path + " (" + e.getValue().getShortLogMessage() + ")");
          }
        }
      }
    }
    assertThat(handlers).as("handlers found under /api").isGreaterThan(15);
    assertThat(missing).as("handlers missing from /api/openapi.json").isEmpty();
    assertThat(description.path("paths").fieldNames())
        .toIterable()
        .allMatch(p -> p.startsWith("/api/"));
  }

  @Test
  void everyRequestBodyHasAnExampleForEachOfItsContentTypes() {
    List<String> without = new ArrayList<>();
    int bodies = 0;
    for (var path : iterable(description.path("paths").fields())) {
      for (var operation : iterable(path.getValue().fields())) {
        JsonNode content = operation.getValue().path("requestBody").path("content");
        // an action that takes nothing but its path (revoking a case's portal links) has no body
        boolean action = path.getKey().endsWith("/portal/revoke");
        if (!operation.getKey().equals("get") && !operation.getKey().equals("delete") && !action) {
          assertThat(content.isMissingNode())
              .as("%s %s describes its body", operation.getKey(), path.getKey())
              .isFalse();
        }
        for (var media : iterable(content.fields())) {
          bodies++;
          JsonNode example = media.getValue().path("example");
          if (example.isMissingNode()
              || example.isNull()
              || (example.isTextual() && example.asText().isBlank())) {
            without.add(operation.getKey() + " " + path.getKey() + " " + media.getKey());
          }
        }
      }
    }
    assertThat(bodies).isGreaterThanOrEqualTo(9);
    assertThat(without).as("request bodies without an example").isEmpty();
    JsonNode open =
        description.at("/paths/~1api~1cases/post/requestBody/content/application~1json/example");
    assertThat(open.at("/debtor/siren").asText()).isEqualTo("552100554");
    assertThat(
            description
                .at("/paths/~1api~1cases~1import/post/requestBody/content/text~1csv/example")
                .asText())
        .startsWith(
            "debtor_id,debtor_type,debtor_name,siren,email,phone,address_line1,postal_code,city,invoice_number,issue_date,due_date,amount");
  }

  /**
   * Titles and types written in the code (handlers, filters, the security entry point), each
   * described with an example.
   */
  @Test
  void everyProblemTheCodeCanAnswerIsDescribedWithAnExample() throws IOException {
    Set<String> titles = new TreeSet<>();
    Set<String> types = new TreeSet<>();
    Pattern title =
        Pattern.compile(
            "problem\\(HttpStatus\\.\\w+,\\s*\"([^\"]+)\"|setTitle\\(\"([^\"]+)\"\\)|Problems\\.write\\(\\s*request,\\s*response,\\s*\\d+,\\s*\"([^\"]+)\"");
    Pattern type = Pattern.compile("\"(https://recouvrement\\.fr/problems/[a-z-]+)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java") && !f.endsWith("ApiDescription.java"))
              .toList()) {
        String code = Files.readString(file);
        if (file.toString().contains("/pages/")) {
          continue; // the pages answer HTML, not problems
        }
        Matcher m = title.matcher(code);
        while (m.find()) {
          titles.add(
              m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        Matcher t = type.matcher(code);
        while (t.find()) {
          types.add(t.group(1));
        }
      }
    }
    assertThat(titles)
        .as("problem titles found in the code")
        .contains("Invalid request", "Case not found", "Payload too large", "Unauthorized");
    assertThat(types)
        .as("problem types found in the code")
        .contains("https://recouvrement.fr/problems/invalid-request");

    JsonNode examples = description.path("components").path("examples");
    Set<String> describedTitles = new HashSet<>();
    Set<String> describedTypes = new HashSet<>();
    for (JsonNode example : examples) {
      describedTitles.add(example.path("value").path("title").asText());
      describedTypes.add(example.path("value").path("type").asText());
      assertThat(example.path("value").path("status").asInt()).isBetween(400, 599);
    }
    assertThat(describedTitles).containsAll(titles);
    assertThat(describedTypes).containsAll(types);

    // and the operations answer them as problem+json, with the example referenced
    JsonNode payment400 =
        description.at(
            "/paths/~1api~1cases~1{reference}~1payments/post/responses/400/content/application~1problem+json");
    assertThat(payment400.path("examples").has("invalid-request")).isTrue();
    JsonNode read401 =
        description.at(
            "/paths/~1api~1cases~1{reference}/get/responses/401/content/application~1problem+json/examples");
    assertThat(read401.has("unauthorized")).isTrue();
    assertThat(
            description
                .at(
                    "/paths/~1api~1cases~1{reference}/get/responses/404/content/application~1problem+json/examples")
                .has("case-not-found"))
        .isTrue();
  }

  /**
   * Two API types of one simple name (OpenCaseRequest.Invoice and CaseView.Invoice) would be merged
   * into one schema, and one of them described with the other's fields: each type reachable from a
   * handler's body or answer has a schema name of its own.
   */
  @Test
  void noTwoTypesOfTheApiShareASchemaName() {
    java.util.Map<String, Class<?>> byName = new java.util.HashMap<>();
    List<String> clashes = new ArrayList<>();
    java.util.Deque<java.lang.reflect.Type> todo = new java.util.ArrayDeque<>();
    for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
      if (!handler.getBeanType().getName().startsWith("fr.recouvrement")) {
        continue;
      }
      todo.add(handler.getMethod().getGenericReturnType());
      for (var parameter : handler.getMethod().getParameters()) {
        todo.add(parameter.getParameterizedType());
      }
    }
    Set<Class<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      java.lang.reflect.Type type = todo.poll();
      if (type instanceof java.lang.reflect.ParameterizedType p) {
        todo.addAll(List.of(p.getActualTypeArguments()));
        continue;
      }
      if (!(type instanceof Class<?> c)
          || !c.getName().startsWith("fr.recouvrement")
          || !seen.add(c)) {
        continue;
      }
      var schema = c.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
      String name = schema != null && !schema.name().isEmpty() ? schema.name() : c.getSimpleName();
      Class<?> other = byName.putIfAbsent(name, c);
      if (other != null && other != c) {
        clashes.add(name + ": " + other.getName() + " and " + c.getName());
      }
      if (c.isRecord()) {
        for (var component : c.getRecordComponents()) {
          todo.add(component.getGenericType());
        }
      }
    }
    assertThat(seen.size()).as("API types found").isGreaterThan(20);
    assertThat(clashes).isEmpty();
  }

  @Test
  void theAdditionsOfTheContractAreDescribed() {
    JsonNode schemas = description.path("components").path("schemas");
    assertThat(schemas.toString())
        .contains(
            "\"commercial\"",
            "\"contractualPenaltyRate\"",
            "\"vatAmount\"",
            "\"invoiceNumbers\"",
            "\"source\"");
    // what wave 2 already shipped on the case and the insolvency stays described
    assertThat(schemas.path("CaseInvoice").path("properties").has("disputed")).isTrue();
    assertThat(schemas.path("Invoice").path("properties").has("contractualPenaltyRate")).isTrue();
    assertThat(schemas.toString())
        .contains(
            "\"promises\"",
            "\"disputed\"",
            "\"credited\"",
            "\"latePenalty\"",
            "\"recoveryIndemnity\"",
            "\"prescriptionDate\"",
            "\"legalInterest\"",
            "\"overseas\"",
            "\"ratesToConfirm\"");
    assertThat(description.path("paths").has("/api/cases/{reference}/over-indebtedness")).isTrue();
    assertThat(description.path("paths").has("/api/cases/{reference}/over-indebtedness/outcome"))
        .isTrue();
    assertThat(description.at("/paths/~1api~1debtors~1{externalId}/delete").isMissingNode())
        .isFalse();
    assertThat(description.at("/paths/~1api~1cases~1{reference}~1decisions/get").isMissingNode())
        .isFalse();
    assertThat(description.at("/components/securitySchemes/basicAuth/scheme").asText())
        .isEqualTo("basic");
    // a signed callback is not called with a user's credentials
    assertThat(description.at("/paths/~1api~1callbacks~1bailiff/post/security").isArray()).isTrue();
    assertThat(description.at("/paths/~1api~1callbacks~1bailiff/post/security").size()).isZero();
  }

  @Test
  void theDescriptionAndItsPageAreForAuthenticatedUsersOnly() {
    ApiClient anonymous = new ApiClient(port, null, null);
    assertThat(anonymous.get("/api/openapi.json").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/docs", "text/html").status()).isEqualTo(401);

    ApiClient auditor = TestUsers.as(port, TestUsers.AUDITOR);
    String page = followRedirects(auditor, "/api/docs");
    assertThat(page).contains("swagger-ui");
  }

  private String followRedirects(ApiClient client, String path) {
    for (int i = 0; i < 5; i++) {
      ApiClient.Response r = client.get(path, "text/html");
      if (r.status() / 100 == 3) {
        path = r.header("Location").replaceFirst("^https?://[^/]+", "");
        continue;
      }
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
      assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'");
      return r.body();
    }
    throw new AssertionError("too many redirects from /api/docs");
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }
}
