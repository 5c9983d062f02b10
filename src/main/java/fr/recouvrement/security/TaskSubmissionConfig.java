package fr.recouvrement.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link TaskSubmissionGuard} in front of both REST doors to the engine: {@code /engine-rest}
 * (after Spring Security, so an anonymous caller is turned away before any body is read) and the
 * webapps' {@code /camunda/api/engine} that Tasklist submits forms through.
 */
@Configuration
class TaskSubmissionConfig {
  @Bean
  FilterRegistrationBean<TaskSubmissionGuard> taskSubmissionGuard(
      ObjectProvider<ProcessEngine> engine) {
    FilterRegistrationBean<TaskSubmissionGuard> registration =
        new FilterRegistrationBean<>(new TaskSubmissionGuard(engine::getObject));
    registration.setName("recouvrement-task-submission-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }
}
