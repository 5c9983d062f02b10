package fr.recouvrement.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request body of {@code /api} with a field we do not know is refused (400 naming the field, see
 * {@link ApiExceptionHandler}) rather than dropped in silence (review L10): a misspelt {@code
 * "dueDtae"} must not open a case without its due date. Only the controllers' reader is strict;
 * what providers answer us (postal, bailiff, Twilio) may carry fields we ignore.
 */
@Configuration
class StrictJsonBodies implements WebMvcConfigurer {
  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (int i = 0; i < converters.size(); i++) {
      if (converters.get(i) instanceof MappingJackson2HttpMessageConverter shared) {
        // a copy: the shared converter (and its mapper) also serves the REST clients of the
        // providers
        MappingJackson2HttpMessageConverter strict =
            new MappingJackson2HttpMessageConverter(
                shared
                    .getObjectMapper()
                    .copy()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        strict.setSupportedMediaTypes(shared.getSupportedMediaTypes());
        converters.set(i, strict);
      }
    }
  }
}
