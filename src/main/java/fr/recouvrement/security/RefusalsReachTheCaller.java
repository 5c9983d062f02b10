package fr.recouvrement.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws in a plain ProcessEngineException, which {@code
 * /engine-rest} and Tasklist answer with 500. A four-eyes refusal (BadUserRequestException) or a
 * rights refusal (AuthorizationException) raised by our listeners is the caller's fault, not the
 * server's: once the command has rolled back, the refusal itself is rethrown, so the caller gets
 * 400 or 403 with its message ({@code /engine-rest} answers a task completion's refusal with 400
 * only for a form validation error, so a four-eyes refusal of a completion travels as one, its
 * cause kept).
 */
@Component
class RefusalsReachTheCaller extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new Unwrap());
  }

  static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (BadUserRequestException | AuthorizationException e) {
        throw e;
      } catch (ProcessEngineException e) {
        ProcessEngineException refusal = refusal(e);
        if (refusal == null) {
          throw e;
        }
        if (refusal instanceof BadUserRequestException
            && (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)) {
          // the one refusal of a submission /engine-rest answers with 400 rather than 500
          throw new FormFieldValidationException(null, refusal.getMessage(), refusal);
        }
        throw refusal;
      }
    }
  }

  static ProcessEngineException refusal(Throwable e) {
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
        return (ProcessEngineException) cause;
      }
    }
    return null;
  }
}
