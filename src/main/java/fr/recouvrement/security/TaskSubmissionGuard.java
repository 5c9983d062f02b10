package fr.recouvrement.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task submission sets only what its form lets a user type (four eyes, H3 of the security
 * review). Guards the two REST doors to the engine — {@code /engine-rest} and the webapps' own
 * {@code /camunda/api/engine} that Tasklist uses — before the engine sees the request:
 *
 * <ul>
 *   <li>{@code complete}, {@code submit-form} and {@code resolve} of a task: every submitted
 *       variable must be an editable field of the task's deployed Camunda Form (its {@code key}); a
 *       field the form shows read-only is display only and is dropped from the submission; any
 *       other name is refused (400) and nothing is written. A task without a form takes no
 *       variables.
 *   <li>Only plain values (text, number, boolean, date, null): an {@code Object}, {@code Json},
 *       {@code Xml}, {@code File} or {@code Bytes} value, or a JSON object or array, is refused —
 *       the engine never builds a Java object from what a user submitted (M6).
 *   <li>Writing a task's variables directly ({@code /task/{id}/variables}, {@code /localVariables})
 *       is refused for everyone (403): a task's data changes by completing it with its form,
 *       nowhere else.
 * </ul>
 *
 * The body is read once, at most {@link #MAX_BODY} bytes (a form is small), before anything else.
 */
public class TaskSubmissionGuard extends OncePerRequestFilter {
  /** A form submission is a few hundred bytes; a generous cap, checked before reading. */
  static final int MAX_BODY = 64 * 1024;

  private static final String ENGINE =
      "(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern SUBMISSION =
      Pattern.compile(ENGINE + "/task/([^/]+)/(complete|submit-form|resolve)/?");
  private static final Pattern TASK_VARIABLES =
      Pattern.compile(ENGINE + "/task/([^/]+)/(?:variables|localVariables)(?:/.*)?");

  /** The engine's plain value types; everything else can carry a Java object or a document. */
  private static final Set<String> PLAIN_TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Asked for on first use: servlet filters are built before the engine (and before Flyway). */
  private final Supplier<ProcessEngine> engine;

  public TaskSubmissionGuard(Supplier<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (!Set.of("GET", "HEAD", "OPTIONS").contains(method)
        && TASK_VARIABLES.matcher(path).matches()) {
      refuse(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "AuthorizationException",
          "A task's variables are set only by completing the task with its form.");
      return;
    }
    Matcher submission = SUBMISSION.matcher(path);
    if (!"POST".equals(method) || !submission.matches()) {
      chain.doFilter(request, response);
      return;
    }
    long declared = request.getContentLengthLong();
    if (declared > MAX_BODY) {
      refuse(
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "InvalidRequestException",
          "A task submission is at most " + MAX_BODY + " bytes.");
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "InvalidRequestException",
          "A task submission is at most " + MAX_BODY + " bytes.");
      return;
    }
    Optional<Form> form;
    try {
      form = formOf(submission.group(1));
    } catch (IllegalStateException e) {
      logger.warn(e.getMessage(), e.getCause());
      refuse(
          response,
          HttpServletResponse.SC_CONFLICT,
          "InvalidRequestException",
          "The form of this task cannot be read, so nothing can be submitted to it; tell an administrator.");
      return;
    }
    if (form.isEmpty() || body.length == 0) {
      // no such task (the engine answers 404) or nothing submitted
      chain.doFilter(new CachedBody(request, body), response);
      return;
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      refuse(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "InvalidRequestException",
          "The request body is not valid JSON.");
      return;
    }
    JsonNode variables = root == null ? null : root.get("variables");
    if (variables == null || variables.isNull() || (variables.isObject() && variables.isEmpty())) {
      chain.doFilter(new CachedBody(request, body), response);
      return;
    }
    if (!variables.isObject()) {
      refuse(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "InvalidRequestException",
          "'variables' must be a JSON object.");
      return;
    }
    Form f = form.get();
    List<String> notInForm = new ArrayList<>();
    List<String> notPlain = new ArrayList<>();
    List<String> readOnly = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> v = it.next();
      if (f.readOnly().contains(v.getKey()) && !f.editable().contains(v.getKey())) {
        readOnly.add(v.getKey());
      } else if (!f.editable().contains(v.getKey())) {
        notInForm.add(v.getKey());
      } else if (!plain(v.getValue())) {
        notPlain.add(v.getKey());
      }
    }
    if (!notInForm.isEmpty()) {
      refuse(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "InvalidRequestException",
          (f.id() == null
                  ? "This task has no form: it takes no variables, got %s."
                  : "Variables %s are not fields of the form '"
                      + f.id()
                      + "' of this task; nothing was saved.")
              .formatted(notInForm));
      return;
    }
    if (!notPlain.isEmpty()) {
      refuse(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "InvalidRequestException",
          "Variables %s must be plain values (text, number, boolean or date); objects, files and documents are refused."
              .formatted(notPlain));
      return;
    }
    if (!readOnly.isEmpty()) {
      // shown to the user, never written back: the process keeps its own value
      readOnly.forEach(((ObjectNode) variables)::remove);
      body = JSON.writeValueAsBytes(root);
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private static boolean plain(JsonNode variable) {
    if (!variable.isObject()) {
      return false;
    }
    JsonNode type = variable.get("type");
    if (type != null
        && !type.isNull()
        && !PLAIN_TYPES.contains(type.asText().toLowerCase(Locale.ROOT))) {
      return false;
    }
    JsonNode value = variable.get("value");
    return value == null || value.isValueNode();
  }

  /**
   * The task's form fields; empty when there is no such task. Read with the engine's own rights.
   */
  private Optional<Form> formOf(String taskId) {
    IdentityService identityService = engine.get().getIdentityService();
    TaskService taskService = engine.get().getTaskService();
    FormService formService = engine.get().getFormService();
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      var task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return Optional.empty();
      }
      if (task.getCamundaFormRef() == null
          && (task.getFormKey() == null || task.getFormKey().isBlank())) {
        return Optional.of(new Form(null, Set.of(), Set.of()));
      }
      try (InputStream form = formService.getDeployedTaskForm(taskId)) {
        return Optional.of(Form.parse(JSON.readTree(form)));
      }
    } catch (IOException | ProcessEngineException e) {
      throw new IllegalStateException(
          "The form of task " + taskId + " cannot be read; submission refused", e);
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private static void refuse(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // the shape of /engine-rest's own errors, so Tasklist shows the message
    response
        .getOutputStream()
        .write(JSON.writeValueAsBytes(Map.of("type", type, "message", message)));
  }

  /**
   * What a Camunda Form lets a user type ({@code editable}) and what it only shows ({@code
   * readOnly}).
   */
  record Form(String id, Set<String> editable, Set<String> readOnly) {
    static Form parse(JsonNode form) {
      Set<String> editable = new LinkedHashSet<>();
      Set<String> readOnly = new LinkedHashSet<>();
      collect(form.path("components"), editable, readOnly);
      return new Form(form.path("id").asText(null), editable, readOnly);
    }

    private static void collect(JsonNode components, Set<String> editable, Set<String> readOnly) {
      for (JsonNode c : components) {
        JsonNode key = c.get("key");
        if (key != null && key.isTextual() && !key.asText().isBlank()) {
          // a nested key ("a.b") is stored under its first part
          String name = key.asText().split("\\.", 2)[0];
          boolean shownOnly =
              c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
          (shownOnly ? readOnly : editable).add(name);
        }
        if (c.has("components")) {
          collect(c.get("components"), editable, readOnly);
        }
      }
    }
  }

  /** The request with the body this guard read (and possibly trimmed), readable once more. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous only");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getHeader(String name) {
      return "content-length".equalsIgnoreCase(name)
          ? String.valueOf(body.length)
          : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "content-length".equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(String.valueOf(body.length)))
          : super.getHeaders(name);
    }
  }
}
