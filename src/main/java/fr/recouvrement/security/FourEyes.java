package fr.recouvrement.security;

import fr.recouvrement.kernel.process.StepVariables;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.springframework.stereotype.Component;

/**
 * Four eyes, configured in the model: the one complete-listener of every pair of tasks where one
 * person proposes and another decides ("Négocier" / "Approuver l'échéancier", "Proposer" / "Valider
 * l'escalade"). The user task declares, as input parameters:
 *
 * <ul>
 *   <li>{@value #RECORD_AS}: the process variable that receives who completed the task ({@code
 *       planNegotiator}, {@code escalationApprover}...);
 *   <li>{@value #NOT_BY}: the id of the task of the same model whose completer may not complete
 *       this one; that task must itself record its completer with {@value #RECORD_AS};
 *   <li>{@value #REFUSAL} (optional): what the refused user reads after "Quatre yeux : <user> ".
 * </ul>
 *
 * <p>A {@value #NOT_BY} that names no task of the model, or a task recording nobody, fails every
 * completion with a message naming both tasks (and {@code ModelsAndCodeTest} fails first): renaming
 * a task in Modeler cannot silently switch four eyes off. The user is the authenticated one
 * (Tasklist, REST), else the task's assignee.
 */
@Component("fourEyes")
public class FourEyes implements TaskListener {
  public static final String RECORD_AS = "fourEyesRecordAs";
  public static final String NOT_BY = "fourEyesNotBy";
  public static final String REFUSAL = "fourEyesRefusal";

  @Override
  public void notify(DelegateTask task) {
    UserTask element = (UserTask) task.getBpmnModelElementInstance();
    String user = Actors.completing(task);
    Optional<String> notBy = input(element, NOT_BY);
    if (notBy.isPresent()) {
      if (user == null) {
        throw new BadUserRequestException(
            "Quatre yeux : « "
                + element.getName()
                + " » doit être terminée par un utilisateur identifié.");
      }
      String makerVariable = makerVariable(element, notBy.get());
      if (StepVariables.of(task).optionalText(makerVariable).filter(user::equals).isPresent()) {
        throw new BadUserRequestException(
            "Quatre yeux : "
                + user
                + " "
                + input(element, REFUSAL)
                    .orElse(
                        "a terminé « "
                            + otherName(element, notBy.get())
                            + " » et ne peut pas terminer cette tâche ; une autre personne doit le faire."));
      }
    }
    Optional<String> recordAs = input(element, RECORD_AS);
    if (recordAs.isEmpty() && notBy.isEmpty()) {
      throw new ProcessEngineException(
          "Four eyes on task %s: the model gives neither %s nor %s"
              .formatted(element.getId(), RECORD_AS, NOT_BY));
    }
    recordAs.ifPresent(variable -> task.getExecution().setVariable(variable, user));
  }

  /** The variable in which the task {@code notBy} of the same model records its completer. */
  static String makerVariable(UserTask element, String notBy) {
    if (!(element.getModelInstance().getModelElementById(notBy) instanceof UserTask maker)) {
      throw new ProcessEngineException(
          "Four eyes on task %s: %s names '%s', which is no user task of this model"
              .formatted(element.getId(), NOT_BY, notBy));
    }
    return input(maker, RECORD_AS)
        .orElseThrow(
            () ->
                new ProcessEngineException(
                    "Four eyes on task %s: the task %s it names records no completer (%s)"
                        .formatted(element.getId(), notBy, RECORD_AS)));
  }

  /** The text value of an input parameter the model gives the task, if any. */
  public static Optional<String> input(BaseElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaInputParameter::getTextContent)
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .findFirst();
  }

  private static String otherName(UserTask element, String id) {
    return ((UserTask) element.getModelInstance().getModelElementById(id)).getName();
  }
}
