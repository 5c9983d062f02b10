package fr.recouvrement.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Checks every new deployment made by a user who is not in {@code camunda-admin} against {@link
 * ModelRules} before the engine parses it, whichever way it came ({@code /engine-rest} from
 * Modeler, a redeploy, the Java API on someone's behalf). A refused deployment is not stored at
 * all; the caller gets 400 with every problem, each naming the file and the element.
 *
 * <p>The application's own deployment at start (no authenticated user) and administrators' are not
 * checked: they are the trusted side of the four eyes (docs/security.md, "Deployments").
 */
@Component
class DeploymentReview extends AbstractProcessEnginePlugin implements Deployer {
  private static final Logger log = LoggerFactory.getLogger(DeploymentReview.class);

  private final ListableBeanFactory beans;
  private volatile ModelRules rules;

  DeploymentReview(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(0, this);
    configuration.setCustomPreDeployers(deployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    CommandContext command = Context.getCommandContext();
    Authentication who = command == null ? null : command.getAuthentication();
    if (who == null
        || who.getUserId() == null
        || (who.getGroupIds() != null && who.getGroupIds().contains(GroupIds.CAMUNDA_ADMIN))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      problems.addAll(rules(command).problems(resource.getName(), resource.getBytes()));
    }
    if (!problems.isEmpty()) {
      log.warn(
          "Deployment '{}' by {} refused: {}", deployment.getName(), who.getUserId(), problems);
      throw new BadUserRequestException(
          "Deployment refused: a model deployed by someone outside camunda-admin may not run code of its own"
              + " (docs/security.md, \"Deployments\"). "
              + String.join(" | ", problems));
    }
    log.info(
        "Deployment '{}' by {} checked: {} resources",
        deployment.getName(),
        who.getUserId(),
        deployment.getResources().size());
  }

  private ModelRules rules(CommandContext command) {
    ModelRules current = rules;
    if (current == null) {
      Set<String> shipped = ModelRules.shipped();
      current = new ModelRules(shipped, beans::containsBean, DeploymentReview::deployedProcess);
      rules = current;
    }
    return current;
  }

  private static boolean deployedProcess(String key) {
    return !Context.getCommandContext()
        .getProcessDefinitionManager()
        .findLatestProcessDefinitionsByKey(key)
        .isEmpty();
  }
}
