package fr.recouvrement.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} ({@code /api/openapi.json}, browsable at {@code
 * /api/docs}). springdoc derives paths, parameters and schemas from the controllers; this adds what
 * code cannot say by itself: who may call, an example of every request body, and every problem+json
 * answer the API gives, with an example of each ({@code OpenApiDescriptionTest} holds all three).
 */
@Configuration
class ApiDescription {
  static final String PROBLEM_JSON = "application/problem+json";
  static final String BASIC = "basicAuth";

  /**
   * A problem the API answers: its example's name, status, title, type (about:blank when absent)
   * and detail.
   */
  record ProblemExample(
      String name,
      int status,
      String title,
      String type,
      String detail,
      Map<String, Object> extra) {
    ProblemExample(String name, int status, String title, String type, String detail) {
      this(name, status, title, type, detail, Map.of());
    }

    Map<String, Object> body(String instance) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type == null ? "about:blank" : type);
      body.put("title", title);
      body.put("status", status);
      body.put("detail", detail);
      body.put("instance", instance);
      body.putAll(extra);
      return body;
    }
  }

  private static final String PROBLEMS = "https://recouvrement.fr/problems/";

  /**
   * Every problem type and title the API answers (ApiExceptionHandler, the filters, the security
   * entry point).
   */
  static final List<ProblemExample> PROBLEM_EXAMPLES =
      List.of(
          new ProblemExample(
              "invalid-request",
              400,
              "Invalid request",
              PROBLEMS + "invalid-request",
              "debtor.siren must be 9 digits; invoices[0].amount must be greater than 0",
              Map.of(
                  "errors",
                  List.of(
                      Map.of("field", "debtor.siren", "message", "must be 9 digits"),
                      Map.of("field", "invoices[0].amount", "message", "must be greater than 0")))),
          new ProblemExample(
              "unreadable-request",
              400,
              "Unreadable request",
              null,
              "The request body is not valid JSON."),
          new ProblemExample(
              "unauthorized",
              401,
              "Unauthorized",
              null,
              "Authentication required: HTTP Basic with a Camunda user (the users managed in Admin)."),
          new ProblemExample(
              "callback-not-authenticated",
              401,
              "Callback not authenticated",
              null,
              "Signature timestamp is outside the accepted window of 5 minutes"),
          new ProblemExample(
              "forbidden", 403, "Forbidden", null, "Your groups do not allow this call."),
          new ProblemExample(
              "cross-site-request-refused",
              403,
              "Cross-site request refused",
              null,
              "A call that changes something is not accepted from a page of another site."),
          new ProblemExample(
              "case-not-found", 404, "Case not found", null, "No case DOS-2026-000123"),
          new ProblemExample(
              "debtor-not-found",
              404,
              "Debtor not found",
              PROBLEMS + "debtor-not-found",
              "No debtor with this external id is known."),
          new ProblemExample(
              "document-not-found", 404, "Document not found", null, "No document with id 42"),
          new ProblemExample(
              "communication-not-found",
              404,
              "Communication not found",
              null,
              "No communication with id 42"),
          new ProblemExample(
              "conflict",
              409,
              "Conflicts with what is recorded",
              null,
              "A payment by the debtor for a claim born before the opening judgment cannot be accepted (C. com. L622-7)."),
          new ProblemExample(
              "case-process-not-waiting",
              409,
              "Case process not waiting",
              null,
              "The case process is not waiting for this event; nothing was recorded."),
          new ProblemExample(
              "document-altered",
              409,
              "Document altered",
              null,
              "The stored bytes no longer match the recorded SHA-256. Voir /api/documents/42/verification."),
          new ProblemExample(
              "event-being-applied",
              409,
              "Event being applied",
              null,
              "This event is being applied by another delivery at this moment; nothing was done by this one."),
          new ProblemExample(
              "invalid-signature",
              400,
              "Invalid signature",
              null,
              "The Stripe-Signature header is missing, wrong or out of its 5-minute window; nothing was recorded."),
          new ProblemExample(
              "payment-being-recorded",
              409,
              "Payment being recorded",
              null,
              "This payment is being recorded by another delivery at this moment; nothing was done by this one."),
          new ProblemExample(
              "payload-too-large",
              413,
              "Payload too large",
              null,
              "The request body is larger than the 1 MB accepted here."),
          new ProblemExample(
              "unsupported-content-type",
              415,
              "Unsupported content type",
              null,
              "Content type must be application/json, text/csv (import) or multipart/form-data (deployments)."),
          new ProblemExample(
              "csv-charset",
              422,
              "File is not in the declared character set",
              PROBLEMS + "csv-charset",
              "The file is not UTF-8 text from line 7 on: save it as « CSV UTF-8 », or send it as text/csv; charset=windows-1252.",
              Map.of("line", 7, "casesOpened", 4, "invoicesAdded", 5)),
          new ProblemExample(
              "not-allowed-for-this-case",
              422,
              "Not allowed for this case",
              null,
              "A collective proceeding concerns a business debtor; this debtor is a consumer (see over-indebtedness)."),
          new ProblemExample(
              "too-many-failed-logins",
              429,
              "Too many failed logins",
              null,
              "Too many failed logins from this address: try again later."),
          new ProblemExample(
              "internal-error",
              500,
              "Internal error",
              null,
              "Something went wrong on our side; nothing was changed by this call if it failed. Incident 3f1c2b9e-5d0a-4c59-9b1e-0d7f4f2a8c11.",
              Map.of("incident", "3f1c2b9e-5d0a-4c59-9b1e-0d7f4f2a8c11")),
          new ProblemExample(
              "database-unavailable",
              503,
              "Service temporarily unavailable",
              PROBLEMS + "database-unavailable",
              "The database cannot be reached right now; nothing of this request was recorded. Send it again in a moment."));

  /** An example of every request body, by "METHOD path" as the description spells the path. */
  static final Map<String, Map<String, Object>> REQUEST_EXAMPLES =
      Map.ofEntries(
          Map.entry(
              "POST /api/cases",
              Map.of(
                  "application/json",
                  """
                  {
                    "debtor": {
                      "externalId": "C-1042", "type": "BUSINESS", "name": "Boulangerie Martin SARL", "commercial": true,
                      "siren": "552100554", "email": "compta@martin.example", "phone": "+33612345678",
                      "address": {"line1": "3 rue des Lilas", "postalCode": "69003", "city": "Lyon", "country": "FR"}
                    },
                    "invoices": [
                      {"number": "F-2026-0117", "issueDate": "2026-01-05", "dueDate": "2026-02-04", "amount": 1850.00,
                       "contractualPenaltyRate": 12.5, "vatAmount": 308.33}
                    ]
                  }""")),
          Map.entry(
              "POST /api/cases/import",
              Map.of(
                  "text/csv",
                  """
                  debtor_id,debtor_type,debtor_name,siren,email,phone,address_line1,postal_code,city,invoice_number,issue_date,due_date,amount,commercial,vat_amount
                  C-1042,BUSINESS,Boulangerie Martin SARL,552100554,compta@martin.example,+33612345678,3 rue des Lilas,69003,Lyon,F-2026-0117,2026-01-05,2026-02-04,1850.00,true,308.33
                  """)),
          Map.entry(
              "POST /api/cases/{reference}/payments",
              Map.of(
                  "application/json",
                  """
                  {"amount": 500.00, "date": "2026-03-02", "reference": "VIR-88231", "source": "DEBTOR", "invoiceNumbers": ["F-2026-0117"]}""")),
          Map.entry(
              "POST /api/cases/{reference}/disputes",
              Map.of(
                  "application/json",
                  """
                  {"category": "COMMERCIAL", "invoiceNumbers": ["F-2026-0117"], "comment": "Livraison incomplète : 3 cartons manquants"}""")),
          Map.entry(
              "POST /api/cases/{reference}/insolvency",
              Map.of(
                  "application/json",
                  """
                  {"procedure": "REDRESSEMENT", "judgmentDate": "2026-03-10", "publicationDate": "2026-03-18", "overseas": false}""")),
          Map.entry(
              "POST /api/cases/{reference}/over-indebtedness",
              Map.of(
                  "application/json",
                  """
                  {"admissibilityDate": "2026-04-02", "commission": "Commission de surendettement du Rhône"}""")),
          Map.entry(
              "POST /api/cases/{reference}/over-indebtedness/outcome",
              Map.of(
                  "application/json",
                  """
                  {"outcome": "PLAN", "date": "2026-07-15", "details": "Plan de 24 mensualités, décision n° 2026-118"}""")),
          Map.entry(
              "POST /api/callbacks/bailiff",
              Map.of(
                  "application/json",
                  """
                  {"eventId": "EVT-7781", "missionId": "CJ-2026-0042", "status": "REPORTED", "occurredOn": "2026-05-12",
                   "fee": 85.40, "amountRecovered": 1200.00, "details": "Procès-verbal n° 42", "servedToPerson": true}""")),
          Map.entry(
              "POST /api/callbacks/postal",
              Map.of(
                  "application/json",
                  """
                  {"eventId": "LRAR-EVT-5521", "trackingId": "1A12345678901", "status": "SIGNED", "occurredOn": "2026-04-08", "presentedOn": "2026-04-07"}""")),
          Map.entry(
              "POST /api/callbacks/stripe",
              Map.of(
                  "application/json",
                  """
                  {"id": "evt_1Q2w3E4r", "object": "event", "type": "checkout.session.completed", "created": 1780000000,
                   "data": {"object": {"id": "cs_live_a1B2c3", "object": "checkout.session", "mode": "payment",
                                       "payment_status": "paid", "amount_total": 105237, "currency": "eur",
                                       "client_reference_id": "DOS-2026-000123", "payment_intent": "pi_3Q2w3E4r",
                                       "metadata": {"caseReference": "DOS-2026-000123"}}}}""")));

  @Bean
  OpenAPI recouvrementOpenApi(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    return new OpenAPI()
        .info(
            new Info()
                .title("Recouvrement API")
                .version(properties == null ? "development" : properties.getVersion())
                .description(
                    "Open cases, import invoices, record payments, disputes and procedures, read cases, timelines, proofs and KPIs."
                        + " Amounts are JSON numbers in euros with at most 2 decimals; dates are ISO YYYY-MM-DD (Europe/Paris)."
                        + " Every error is application/problem+json naming the field at fault. HTTP Basic with a Camunda user:"
                        + " every group reads, collectors and supervisors change cases, supervisors declare procedures,"
                        + " camunda-admin erases; provider callbacks are signed (HMAC), not authenticated by a user.")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  @Bean
  OpenApiCustomizer examplesAndProblems() {
    return openApi -> {
      Components components =
          openApi.getComponents() == null ? new Components() : openApi.getComponents();
      openApi.setComponents(components);
      components.addSchemas("Problem", problemSchema());
      for (ProblemExample p : PROBLEM_EXAMPLES) {
        components.addExamples(
            p.name(),
            new Example()
                .summary(p.status() + " " + p.title())
                .value(p.body("/api/cases/DOS-2026-000123")));
      }
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach((method, operation) -> describe(path, method, operation)));
    };
  }

  private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
    String key = method + " " + path;
    boolean callback = path.startsWith("/api/callbacks/");
    Map<String, Object> examples = REQUEST_EXAMPLES.get(key);
    if (examples != null) {
      RequestBody body =
          operation.getRequestBody() == null
              ? new RequestBody().required(true)
              : operation.getRequestBody();
      Content content = body.getContent() == null ? new Content() : body.getContent();
      examples.forEach(
          (mediaType, example) -> {
            MediaType media = content.get(mediaType);
            if (media == null) {
              media = new MediaType().schema(new StringSchema());
              content.addMediaType(mediaType, media);
            }
            if (callback || mediaType.startsWith("text/")) {
              // the body is read as bytes (a signature covers them exactly, a CSV streams): say
              // what it holds
              media.setSchema(
                  mediaType.startsWith("text/") ? new StringSchema() : new ObjectSchema());
            }
            media.setExample(
                example instanceof String s && mediaType.endsWith("json") ? json(s) : example);
          });
      body.setContent(content);
      operation.setRequestBody(body);
    }
    if (callback) {
      operation.setSecurity(List.of());
      operation.setDescription(
          (operation.getDescription() == null ? "" : operation.getDescription() + " ")
              + "Signed by the provider: X-Recouvrement-Timestamp (epoch seconds, 5-minute window) and X-Recouvrement-Signature"
              + " (hex HMAC-SHA256 of timestamp + '.' + body with the callback secret); each event is applied once.");
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    if (key.equals("POST /api/cases")) {
      respondAsync(operation, responses);
    }
    boolean hasBody = operation.getRequestBody() != null;
    boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    boolean pathVariable = path.contains("{");
    for (ProblemExample p : PROBLEM_EXAMPLES) {
      if (applies(p, path, callback, hasBody, write, pathVariable)) {
        problem(responses, p);
      }
    }
  }

  /**
   * {@code POST /api/cases} with {@code Prefer: respond-async}: a new case answered 202 as stored,
   * its first steps running on the job executor after the answer (issue 14).
   */
  private static void respondAsync(Operation operation, ApiResponses responses) {
    if (operation.getParameters() != null) {
      operation.getParameters().stream()
          .filter(p -> "Prefer".equalsIgnoreCase(p.getName()))
          .forEach(
              p ->
                  p.description(
                          "respond-async (RFC 7240): a new case is answered 202 as stored, its segmentation and first"
                              + " reminder step running right after the answer (segment null, next action « Segmentation en cours »"
                              + " until then); without it, 201 with the case after those steps.")
                      .example("respond-async")
                      .schema(new StringSchema()));
    }
    // the same body as the synchronous answer (springdoc lists it under 200 or 201)
    ApiResponse created =
        responses.get("201") != null ? responses.get("201") : responses.get("200");
    Content content = created == null ? null : created.getContent();
    responses.addApiResponse(
        "202",
        new ApiResponse()
            .description(
                "Accepted (Prefer: respond-async): the case, its invoices and its process are stored; segment null and"
                    + " nextAction « Segmentation en cours » until the job executor ran its first steps; read it back at Location.")
            .addHeaderObject(
                "Location",
                new io.swagger.v3.oas.models.headers.Header()
                    .description("/api/cases/{reference} of the new case")
                    .schema(new StringSchema()))
            .addHeaderObject(
                "Preference-Applied",
                new io.swagger.v3.oas.models.headers.Header()
                    .description("respond-async")
                    .schema(new StringSchema()))
            .content(content));
  }

  /**
   * Which problems an operation can answer, from what it is (a read, a write with a body, a
   * callback).
   */
  private static boolean applies(
      ProblemExample p,
      String path,
      boolean callback,
      boolean hasBody,
      boolean write,
      boolean pathVariable) {
    return switch (p.name()) {
      case "unauthorized", "too-many-failed-logins", "forbidden" -> !callback;
      case "invalid-signature", "payment-being-recorded" -> path.equals("/api/callbacks/stripe");
      case "callback-not-authenticated", "event-being-applied" ->
          callback && !path.equals("/api/callbacks/stripe");
      case "internal-error", "database-unavailable" -> true;
      case "invalid-request" -> hasBody || !write;
      case "unreadable-request",
          "payload-too-large",
          "unsupported-content-type",
          "cross-site-request-refused" ->
          hasBody;
      case "case-not-found" -> path.startsWith("/api/cases/{reference}");
      case "debtor-not-found" -> path.startsWith("/api/debtors/");
      case "document-not-found", "document-altered" -> path.startsWith("/api/documents/");
      case "communication-not-found" -> path.startsWith("/api/communications/");
      case "conflict", "case-process-not-waiting", "not-allowed-for-this-case" ->
          write && !callback && pathVariable;
      case "csv-charset" -> path.equals("/api/cases/import");
      default -> true;
    };
  }

  private static void problem(ApiResponses responses, ProblemExample p) {
    String code = Integer.toString(p.status());
    ApiResponse response = responses.get(code);
    if (response == null) {
      response = new ApiResponse().description(p.title());
      responses.addApiResponse(code, response);
    }
    Content content = response.getContent() == null ? new Content() : response.getContent();
    // springdoc lists a ProblemDetail under */* or application/json: the API answers problem+json
    content.remove("*/*");
    MediaType media = content.get(PROBLEM_JSON);
    if (media == null) {
      media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
      content.addMediaType(PROBLEM_JSON, media);
    }
    media.addExamples(p.name(), new Example().$ref("#/components/examples/" + p.name()));
    response.setContent(content);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> problemSchema() {
    Schema error =
        new ObjectSchema()
            .addProperty("field", new StringSchema())
            .addProperty("message", new StringSchema());
    return new ObjectSchema()
        .description(
            "RFC 9457 problem details; invalid requests list every field at fault under errors")
        .addProperty(
            "type", new StringSchema().example("https://recouvrement.fr/problems/invalid-request"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("errors", new ArraySchema().items(error))
        .addProperty(
            "incident",
            new StringSchema()
                .description("500 only: the reference of the stack trace in the log"));
  }

  private static Object json(String text) {
    try {
      return io.swagger.v3.core.util.Json.mapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Example is not JSON: " + text, e);
    }
  }
}
