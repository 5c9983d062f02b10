package fr.recouvrement.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The FEEL engine of our decision tables, with a short path for what nearly every cell of them is:
 * a FEEL <em>simple</em> unary test made of literals ({@code >= 10000}, {@code [600..780[}, {@code
 * "SMS","PHONE_CALL"}, {@code not(1)}, {@code -}), an output literal ({@code "RECALCITRANT"},
 * {@code -3}, {@code false}) or an input that names a variable ({@code balance}).
 *
 * <p>Why: the Scala FEEL engine builds its table of built-in functions again for every evaluation
 * (about 2.5 ms on this project's benchmark machine), and a case's opening evaluates a few hundred
 * cells; a JFR profile of the intake found 35 % of the request threads there (issue 14). The tables
 * stay FEEL and stay in DMN: anything outside the short path (a function, a date, a name inside a
 * test, a type that does not match the literal, a null) is handed to the Scala engine unchanged,
 * and what the short path answers is what FEEL answers (see {@code SimpleFeelTest}, which compares
 * both on every input entry of every table we deploy).
 */
public final class SimpleFeel implements FeelEngine {
  private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
  private static final String STRING = "\"[^\"\\\\]*\"";
  private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(" + NUMBER + ")");
  private static final Pattern RANGE =
      Pattern.compile(
          "([\\[(\\]])\\s*(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER + ")\\s*([\\])\\[])");
  private static final Pattern LITERAL = Pattern.compile(NUMBER + "|" + STRING + "|true|false");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final java.util.Set<String> KEYWORDS =
      java.util.Set.of(
          "true",
          "false",
          "null",
          "not",
          "and",
          "or",
          "if",
          "then",
          "else",
          "for",
          "in",
          "some",
          "every",
          "satisfies",
          "between",
          "instance",
          "of",
          "function");

  /** Bounds the memo of parsed cells: a deployed table set has a few thousand at most. */
  private static final int MAX_PARSED = 20_000;

  private final FeelEngine feel;
  private final Map<String, Optional<Tests>> unaryTests = new ConcurrentHashMap<>();
  private final Map<String, Object> literals = new ConcurrentHashMap<>();

  public SimpleFeel(FeelEngine feel) {
    this.feel = feel;
  }

  /**
   * A plain DMN engine (no history, no command context) that evaluates FEEL through this short
   * path.
   */
  public static org.camunda.bpm.dmn.engine.DmnEngine plainDmnEngine() {
    org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration configuration =
        (org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration)
            org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.feelEngineFactory(
        () ->
            new SimpleFeel(
                new org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory().createInstance()));
    return configuration.buildEngine();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
    String text = expression.trim();
    if (NAME.matcher(text).matches()
        && !KEYWORDS.contains(text)
        && context.containsVariable(text)) {
      TypedValue typed = context.resolve(text);
      Object value = typed == null ? null : typed.getValue();
      Object mapped = asFeelReturns(value);
      if (mapped != UNKNOWN) {
        return (T) mapped;
      }
    } else if (LITERAL.matcher(text).matches()) {
      // a literal answers the same whatever the context: FEEL's own answer, kept
      Object known = literals.get(text);
      if (known == null) {
        known = Optional.ofNullable((Object) feel.evaluateSimpleExpression(text, context));
        if (literals.size() < MAX_PARSED) {
          literals.put(text, known);
        }
      }
      return (T) ((Optional<Object>) known).orElse(null);
    }
    return feel.evaluateSimpleExpression(expression, context);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(
      String expression, String inputVariable, VariableContext context) {
    Optional<Tests> tests = unaryTests.get(expression);
    if (tests == null) {
      tests = Tests.parse(expression);
      if (unaryTests.size() < MAX_PARSED) {
        unaryTests.put(expression, tests);
      }
    }
    if (tests.isPresent()) {
      TypedValue input = context.resolve(inputVariable);
      Boolean answer = tests.get().test(input == null ? null : input.getValue());
      if (answer != null) {
        return answer;
      }
    }
    return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
  }

  private static final Object UNKNOWN = new Object();

  /**
   * What the Scala engine returns for a variable's value: whole numbers as Long, others as Double.
   */
  static Object asFeelReturns(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return UNKNOWN;
      }
      if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
        return (long) d;
      }
      return d;
    }
    return UNKNOWN;
  }

  /**
   * One test of a list: answers null when the input is not of the literal's kind (the Scala engine
   * decides then).
   */
  interface Test {
    Boolean test(Object input);
  }

  /**
   * A comma list of tests, maybe inside {@code not(...)}; {@code -} is the empty list that matches
   * anything.
   */
  record Tests(List<Test> any, boolean negated, boolean anything) {
    Boolean test(Object input) {
      if (anything) {
        return true;
      }
      if (input == null) {
        return null;
      }
      boolean matched = false;
      for (Test t : any) {
        Boolean r = t.test(input);
        if (r == null) {
          return null;
        }
        matched |= r;
      }
      return negated != matched;
    }

    static Optional<Tests> parse(String expression) {
      String text = expression.trim();
      if (text.equals("-")) {
        return Optional.of(new Tests(List.of(), false, true));
      }
      boolean negated = false;
      if (text.startsWith("not(") && text.endsWith(")")) {
        negated = true;
        text = text.substring(4, text.length() - 1).trim();
      }
      if (text.isEmpty()) {
        return Optional.empty();
      }
      List<Test> tests = new ArrayList<>();
      for (String part : splitOutsideQuotes(text)) {
        Test t = test(part.trim());
        if (t == null) {
          return Optional.empty();
        }
        tests.add(t);
      }
      return Optional.of(new Tests(List.copyOf(tests), negated, false));
    }

    private static List<String> splitOutsideQuotes(String text) {
      List<String> parts = new ArrayList<>();
      boolean quoted = false;
      int from = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          parts.add(text.substring(from, i));
          from = i + 1;
        }
      }
      parts.add(text.substring(from));
      return parts;
    }

    private static Test test(String part) {
      Matcher m = COMPARISON.matcher(part);
      if (m.matches()) {
        BigDecimal bound = new BigDecimal(m.group(2));
        String op = m.group(1);
        return input -> {
          BigDecimal x = number(input);
          if (x == null) {
            return null;
          }
          int c = x.compareTo(bound);
          return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
          };
        };
      }
      m = RANGE.matcher(part);
      if (m.matches()) {
        boolean lowClosed = m.group(1).equals("[");
        BigDecimal low = new BigDecimal(m.group(2));
        BigDecimal high = new BigDecimal(m.group(3));
        boolean highClosed = m.group(4).equals("]");
        return input -> {
          BigDecimal x = number(input);
          if (x == null) {
            return null;
          }
          int l = x.compareTo(low);
          int h = x.compareTo(high);
          return (lowClosed ? l >= 0 : l > 0) && (highClosed ? h <= 0 : h < 0);
        };
      }
      if (part.matches(NUMBER)) {
        BigDecimal value = new BigDecimal(part);
        return input -> {
          BigDecimal x = number(input);
          return x == null ? null : x.compareTo(value) == 0;
        };
      }
      if (part.matches(STRING)) {
        String value = part.substring(1, part.length() - 1);
        return input -> input instanceof String s ? s.equals(value) : null;
      }
      if (part.equals("true") || part.equals("false")) {
        Boolean value = Boolean.valueOf(part);
        return input -> input instanceof Boolean b ? b.equals(value) : null;
      }
      return null;
    }

    /** The input as FEEL sees a number; null when it is not one this path knows exactly. */
    private static BigDecimal number(Object input) {
      if (input instanceof Integer
          || input instanceof Long
          || input instanceof Short
          || input instanceof Byte) {
        return BigDecimal.valueOf(((Number) input).longValue());
      }
      if (input instanceof Double) {
        double d = ((Number) input).doubleValue();
        return Double.isNaN(d) || Double.isInfinite(d) ? null : BigDecimal.valueOf(d);
      }
      if (input instanceof BigDecimal b) {
        return b;
      }
      return null;
    }
  }
}
