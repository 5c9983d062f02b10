package fr.recouvrement.channel;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The French templates of emails, SMS and letters, under {@code src/main/resources/templates/}:
 * {@code .html} (HTML), {@code .txt} (plain text), {@code .xhtml} (XML, for the PDF renderer, which
 * needs well-formed input). Kept apart from the web views' engine.
 */
@Component
class Templates {
  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  /**
   * One SpEL context for every render: Thymeleaf wraps it for each template (its own variables and
   * restrictions per render), and its property accessor keeps which getter reads which property.
   * Without it each render made a fresh one and looked every getter up again by reflection: a
   * quarter of composing an email in the benchmark's profile (issue 14).
   */
  private final StandardEvaluationContext spel = new StandardEvaluationContext();

  Templates() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    engine.addTemplateResolver(resolver(TemplateMode.XML, "*.xhtml", 3));
  }

  private static ClassLoaderTemplateResolver resolver(
      TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.getResolvablePatternSpec().addPattern(pattern);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }

  boolean exists(String name) {
    return Templates.class.getClassLoader().getResource("templates/" + name) != null;
  }

  /** Renders {@code name} (e.g. {@code email/relance-ferme.html}); fails naming the template. */
  String render(String name, Map<String, Object> variables) {
    if (!exists(name)) {
      throw new IllegalArgumentException(
          "No template " + name + " under src/main/resources/templates/");
    }
    try {
      Context context = new Context(Locale.FRANCE, variables);
      context.setVariable(
          ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, spel);
      return engine.process(name, context);
    } catch (TemplateProcessingException e) {
      throw new IllegalStateException(
          "Template " + name + " could not be rendered: " + e.getMessage(), e);
    }
  }
}
