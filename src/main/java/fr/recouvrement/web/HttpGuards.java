package fr.recouvrement.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The two filters in front of everything, Spring Security included: nothing reads a body, or asks
 * who is calling, before the body's size and the call's origin were checked.
 */
@Configuration
class HttpGuards {
  @Bean
  FilterRegistrationBean<BodySizeLimit> bodySizeLimit(
      @Value("${recouvrement.http.max-import-size:20MB}") DataSize importSize) {
    FilterRegistrationBean<BodySizeLimit> registration =
        new FilterRegistrationBean<>(BodySizeLimit.standard(importSize));
    registration.setName("recouvrement-body-size-limit");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<CrossSiteGuard> crossSiteGuard(
      @Value("${recouvrement.http.allowed-origins:}") List<String> allowedOrigins) {
    Set<String> origins = new HashSet<>();
    // Camunda Modeler's window (Electron, a local file): no web page can claim it, a browser sends
    // "null" for local files
    origins.add("file://");
    allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).forEach(origins::add);
    FilterRegistrationBean<CrossSiteGuard> registration =
        new FilterRegistrationBean<>(new CrossSiteGuard(origins));
    registration.setName("recouvrement-cross-site-guard");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
