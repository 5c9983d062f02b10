package fr.recouvrement.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a model deployed by someone who is not {@code camunda-admin} may contain (review H1): the
 * strategy, never code. An analyst changes tasks, gateways, timers, calls, decisions and forms; the
 * engine only runs what the shipped models already run.
 *
 * <ul>
 *   <li>Files: BPMN, DMN and Camunda Forms only.
 *   <li>No script (script task, script listener, script condition), no {@code camunda:class} or
 *       other Java class name, no connector.
 *   <li>Expressions ({@code ${…}}, {@code #{…}}) only of the forms the shipped models use: process
 *       variables, literals and operators, and exactly the beans, functions and method calls found
 *       in {@code processes/} (derived at start from the models in the jar, see {@link #shipped}).
 *       No index access, no call on anything else: a Spring bean such as {@code identityService} or
 *       a call such as {@code execution.getProcessEngineServices()} is refused.
 *   <li>DMN: FEEL only (no other expression language), no external (Java) function.
 *   <li>No timer start event (it would run with nobody's authority); message, signal and
 *       conditional start events only on process keys already deployed.
 *   <li>No DOCTYPE (no XML entity tricks).
 * </ul>
 */
final class ModelRules {
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Set<String> KEYWORDS =
      Set.of(
          "true",
          "false",
          "null",
          "empty",
          "not",
          "and",
          "or",
          "div",
          "mod",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "instanceof");
  private static final Set<String> CLASS_ATTRIBUTES =
      Set.of("class", "variablemappingclass", "scriptformat");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");

  /**
   * The expression forms of the shipped models: call chains like {@code caseStatus.set()} and bare
   * names.
   */
  private final Set<String> allowedShapes;

  /**
   * The same, any output column of a decision result: {@code decisionResult.getSingleResult().*}.
   */
  private final Set<String> allowedPatterns;

  /**
   * Is this name a Spring bean (what an expression's bare name resolves to before any variable)?
   */
  private final Predicate<String> isBean;

  /** Is a process with this key already deployed? */
  private final Predicate<String> isDeployedProcess;

  ModelRules(
      Set<String> allowedShapes, Predicate<String> isBean, Predicate<String> isDeployedProcess) {
    this.allowedShapes = Set.copyOf(allowedShapes);
    this.allowedPatterns =
        allowedShapes.stream()
            .map(ModelRules::pattern)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.isBean = isBean;
    this.isDeployedProcess = isDeployedProcess;
  }

  /**
   * The expression forms of every BPMN and DMN under {@code processes/} on the classpath (the
   * shipped strategy).
   */
  static Set<String> shipped() {
    Set<String> shapes = new HashSet<>();
    try {
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      List<Resource> models =
          new ArrayList<>(List.of(resolver.getResources("classpath*:processes/*.bpmn")));
      models.addAll(List.of(resolver.getResources("classpath*:processes/decisions/*.dmn")));
      for (Resource model : models) {
        Document document = parse(model.getContentAsByteArray());
        walk(
            document.getDocumentElement(),
            (element, text) -> expressions(text, shapes, new ArrayList<>(), null));
      }
    } catch (IOException | SAXException e) {
      throw new IllegalStateException("Cannot read the shipped models", e);
    }
    return shapes;
  }

  /**
   * What is wrong with this resource, one sentence per problem (the element's id named); empty when
   * it may be deployed.
   */
  List<String> problems(String resourceName, byte[] content) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".form")) {
      return List.of();
    }
    boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    if (!bpmn && !dmn) {
      return List.of(
          resourceName + ": only BPMN (.bpmn), DMN (.dmn) and form (.form) files may be deployed");
    }
    Document document;
    try {
      document = parse(content);
    } catch (SAXException | IOException e) {
      return List.of(resourceName + ": not a well-formed XML file without DOCTYPE");
    }
    Set<String> problems = new LinkedHashSet<>();
    walk(
        document.getDocumentElement(),
        (element, text) -> {
          List<String> found = new ArrayList<>();
          expressions(text, new HashSet<>(), found, this);
          for (String problem : found) {
            problems.add(where(resourceName, element) + problem);
          }
        });
    checkElements(resourceName, document.getDocumentElement(), dmn, problems);
    return List.copyOf(problems);
  }

  private void checkElements(String resource, Element element, boolean dmn, Set<String> problems) {
    String local = localName(element);
    if (local.equals("scriptTask") || local.equals("script")) {
      problems.add(
          where(resource, element)
              + "scripts are not allowed (a rule goes to DMN, work to a delegate)");
    }
    if (local.equals("connector") && CAMUNDA_NS.equals(element.getNamespaceURI())) {
      problems.add(where(resource, element) + "connectors are not allowed");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName = localName(attribute).toLowerCase(Locale.ROOT);
      if (CLASS_ATTRIBUTES.contains(attributeName)) {
        problems.add(
            where(resource, element)
                + "camunda:"
                + localName(attribute)
                + " is not allowed (use a delegate expression of the shipped models)");
      }
      if (attributeName.equals("language") && local.equals("conditionExpression")) {
        problems.add(where(resource, element) + "script conditions are not allowed");
      }
      if ((attributeName.equals("expressionlanguage") || attributeName.equals("typelanguage"))
          && dmn
          && !attribute.getValue().toLowerCase(Locale.ROOT).contains("feel")) {
        problems.add(where(resource, element) + "only FEEL expressions are allowed in decisions");
      }
    }
    if (dmn && FEEL_EXTERNAL.matcher(ownText(element)).find()) {
      problems.add(
          where(resource, element) + "external (Java) functions are not allowed in decisions");
    }
    if (local.equals("process")) {
      checkStartEvents(resource, element, problems);
    }
    for (Element child : children(element)) {
      checkElements(resource, child, dmn, problems);
    }
  }

  private void checkStartEvents(String resource, Element process, Set<String> problems) {
    String key = process.getAttribute("id");
    for (Element start : children(process)) {
      if (!localName(start).equals("startEvent")) {
        continue;
      }
      for (Element definition : children(start)) {
        String kind = localName(definition);
        if (kind.equals("timerEventDefinition") && !isDeployedProcess.test(key)) {
          // the shipped nightly processes (data-retention, rates-watch) keep theirs: an analyst may
          // move their hour;
          // their expressions pass the same allow-list as any other
          problems.add(
              where(resource, start)
                  + "timer start events are not allowed on a new process (they run with nobody's authority)");
        } else if ((kind.equals("messageEventDefinition")
                || kind.equals("signalEventDefinition")
                || kind.equals("conditionalEventDefinition"))
            && !isDeployedProcess.test(key)) {
          problems.add(
              where(resource, start)
                  + "a new process ('"
                  + key
                  + "') may only be started by the application, not by a message, signal or condition");
        }
      }
    }
  }

  /**
   * Calls {@code visit} with every attribute value and text an engine could evaluate (not
   * documentation).
   */
  private static void walk(Element element, TextVisitor visit) {
    String local = localName(element);
    if (local.equals("documentation")
        || local.equals("description")
        || local.equals("textAnnotation")) {
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      visit.text(element, attributes.item(i).getNodeValue());
    }
    String text = ownText(element);
    if (!text.isBlank()) {
      visit.text(element, text);
    }
    for (Element child : children(element)) {
      walk(child, visit);
    }
  }

  private interface TextVisitor {
    void text(Element element, String text);
  }

  /**
   * Finds each {@code ${…}} / {@code #{…}} in the text; adds its forms to {@code shapes} and, when
   * a form is not allowed, a sentence to {@code problems}.
   */
  private static void expressions(
      String text, Set<String> shapes, List<String> problems, ModelRules rules) {
    int i = 0;
    while (i < text.length()) {
      int start = indexOfExpression(text, i);
      if (start < 0) {
        return;
      }
      int end = closing(text, start + 2);
      if (end < 0) {
        problems.add("expression not closed: " + abbreviate(text.substring(start)));
        return;
      }
      String body = text.substring(start + 2, end);
      Set<String> found = new LinkedHashSet<>();
      List<String> structural = new ArrayList<>();
      new Chains(tokens(body), found, structural).all();
      shapes.addAll(found);
      if (rules != null) {
        for (String problem : structural) {
          problems.add(problem + " in " + abbreviate(text.substring(start, end + 1)));
        }
        for (String shape : found) {
          if (!rules.allowed(shape)) {
            problems.add(
                "'"
                    + shape
                    + "' is not a form the shipped models use, in "
                    + abbreviate(text.substring(start, end + 1)));
          }
        }
      }
      i = end + 1;
    }
  }

  boolean allowed(String shape) {
    if (allowedShapes.contains(shape) || allowedPatterns.contains(pattern(shape))) {
      return true;
    }
    boolean bare = shape.chars().noneMatch(c -> c == '.' || c == '(' || c == '[');
    // a bare name is a process variable, unless a Spring bean answers to it first
    return bare && !isBean.test(shape);
  }

  /**
   * {@code decisionResult.getSingleResult().reason} → {@code decisionResult.getSingleResult().*}:
   * any output column.
   */
  static String pattern(String shape) {
    int dot = shape.lastIndexOf('.');
    if (dot > 2 && shape.startsWith("()", dot - 2) && shape.indexOf('(', dot) < 0) {
      return shape.substring(0, dot) + ".*";
    }
    return shape;
  }

  private static int indexOfExpression(String text, int from) {
    int dollar = text.indexOf("${", from);
    int hash = text.indexOf("#{", from);
    if (dollar < 0) {
      return hash;
    }
    return hash < 0 ? dollar : Math.min(dollar, hash);
  }

  private static int closing(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  /** Tokens of an EL body: names, literals (as "L"), and single punctuation characters. */
  static List<String> tokens(String body) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i;
        while (j < body.length() && Character.isJavaIdentifierPart(body.charAt(j))) {
          j++;
        }
        tokens.add(body.substring(i, j));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < body.length()
            && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '.')) {
          j++;
        }
        tokens.add("L");
        i = j;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < body.length() && body.charAt(j) != c) {
          j += body.charAt(j) == '\\' ? 2 : 1;
        }
        tokens.add("L");
        i = j + 1;
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }

  /**
   * Reads call chains ({@code root.name(args).name}) out of the tokens; what follows no name is
   * structural.
   */
  private static final class Chains {
    private final List<String> tokens;
    private final Set<String> shapes;
    private final List<String> problems;
    private int i;

    Chains(List<String> tokens, Set<String> shapes, List<String> problems) {
      this.tokens = tokens;
      this.shapes = shapes;
      this.problems = problems;
    }

    void all() {
      while (i < tokens.size()) {
        element();
      }
    }

    private void element() {
      String token = tokens.get(i);
      if (isName(token) && !KEYWORDS.contains(token)) {
        chain();
      } else if (token.equals("(")) {
        i++;
        group();
        if (i < tokens.size() && (tokens.get(i).equals(".") || tokens.get(i).equals("["))) {
          problems.add("property access on a computed value");
        }
      } else if (token.equals("[")) {
        problems.add("index access ([...]) is not allowed");
        i++;
      } else if (token.equals(".")) {
        problems.add("property access on a computed value");
        i++;
      } else {
        i++;
      }
    }

    private void chain() {
      StringBuilder shape = new StringBuilder(tokens.get(i++));
      while (i < tokens.size()) {
        String token = tokens.get(i);
        if (token.equals("(")) {
          shape.append("()");
          i++;
          group();
        } else if (token.equals(".") && i + 1 < tokens.size() && isName(tokens.get(i + 1))) {
          shape.append('.').append(tokens.get(i + 1));
          i += 2;
        } else if (token.equals("[")) {
          shape.append("[]");
          problems.add("index access ([...]) is not allowed");
          i++;
        } else {
          break;
        }
      }
      shapes.add(shape.toString());
    }

    /** The elements up to the matching ')', which it consumes. */
    private void group() {
      while (i < tokens.size() && !tokens.get(i).equals(")")) {
        element();
      }
      i++;
    }

    private static boolean isName(String token) {
      return !token.isEmpty()
          && Character.isJavaIdentifierStart(token.charAt(0))
          && !token.equals("L");
    }
  }

  static Document parse(byte[] content) throws SAXException, IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(content));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element child) {
        children.add(child);
      }
    }
    return children;
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(node.getNodeValue());
      }
    }
    return text.toString();
  }

  private static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  private static String where(String resource, Element element) {
    Element e = element;
    while (e != null && e.getAttribute("id").isEmpty()) {
      e = e.getParentNode() instanceof Element parent ? parent : null;
    }
    return resource + (e == null ? "" : " (" + e.getAttribute("id") + ")") + ": ";
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
