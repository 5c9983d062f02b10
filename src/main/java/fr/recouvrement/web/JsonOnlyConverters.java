package fr.recouvrement.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON only. jackson-dataformat-xml is on the classpath for the holiday calendar
 * (jollyday reads its XML files with it); left alone, Spring MVC would then answer XML to a
 * browser, whose Accept header prefers XML to anything else.
 */
@Configuration
class JsonOnlyConverters implements WebMvcConfigurer {
  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(c -> c instanceof MappingJackson2XmlHttpMessageConverter);
  }
}
