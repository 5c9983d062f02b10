package fr.recouvrement.security;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the groups of the contract (api.md) that do not exist yet, each with the Camunda
 * authorizations its role needs, right after the engine is built (before the first request and
 * before demo data). {@code camunda-admin} is the starter's: it creates it with ALL on every
 * resource together with the first administrator.
 *
 * <p>The grants below are applied once, when the group is created; afterwards the group belongs to
 * the administrators, who may tune it in Admin without a restart undoing their change. A second
 * start changes nothing. Tasks need no grant here: the engine gives a candidate group READ and
 * {@code defaultUserPermissionNameForTask} (UPDATE by default: claim, complete, reassign) on each
 * task it is candidate for, and nothing on the others. Filters need none either: each Tasklist
 * filter is granted to its own groups (fr.recouvrement.tasklist.TasklistFilters), so a collector
 * does not see the supervisors' "À approuver".
 */
@Component
class GroupBootstrap extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(GroupBootstrap.class);
  private static final String ANY = Authorization.ANY;

  record Grant(Resource resource, String resourceId, Permission... permissions) {}

  record Role(String groupId, String name, List<Grant> grants) {}

  private static final List<Grant> COLLECTOR_GRANTS =
      List.of(
          new Grant(APPLICATION, "tasklist", Permissions.ACCESS),
          // forms and diagrams of their tasks
          new Grant(PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ),
          new Grant(DECISION_DEFINITION, ANY, Permissions.READ),
          new Grant(PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));

  static final List<Role> ROLES =
      List.of(
          new Role(GroupIds.COLLECTORS, "Chargés de recouvrement", COLLECTOR_GRANTS),
          new Role(
              GroupIds.SUPERVISORS,
              "Superviseurs",
              List.of(
                  new Grant(APPLICATION, "tasklist", Permissions.ACCESS),
                  new Grant(APPLICATION, "cockpit", Permissions.ACCESS),
                  new Grant(
                      PROCESS_DEFINITION,
                      ANY,
                      ProcessDefinitionPermissions.READ,
                      ProcessDefinitionPermissions.READ_HISTORY),
                  // the decisions behind what they approve
                  new Grant(DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
                  new Grant(PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
                  // every task, not only their candidate ones: they approve and reassign
                  new Grant(TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE))),
          new Role(
              GroupIds.ANALYSTS,
              "Analystes métier",
              List.of(
                  new Grant(APPLICATION, "cockpit", Permissions.ACCESS),
                  new Grant(APPLICATION, "tasklist", Permissions.ACCESS),
                  // Modeler deploys through /engine-rest/deployment/create; DeploymentRules checks
                  // what they deploy.
                  // No DELETE: deleting a deployment (cascade) erases running cases and their
                  // history (review H2)
                  new Grant(DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ),
                  new Grant(
                      PROCESS_DEFINITION,
                      ANY,
                      ProcessDefinitionPermissions.READ,
                      ProcessDefinitionPermissions.READ_HISTORY),
                  new Grant(DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
                  new Grant(DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
                  new Grant(PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
                  new Grant(TASK, ANY, TaskPermissions.READ))),
          new Role(
              GroupIds.AUDITORS,
              "Auditeurs",
              List.of(
                  new Grant(APPLICATION, "cockpit", Permissions.ACCESS),
                  new Grant(
                      PROCESS_DEFINITION,
                      ANY,
                      ProcessDefinitionPermissions.READ,
                      ProcessDefinitionPermissions.READ_HISTORY),
                  new Grant(DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
                  new Grant(DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
                  new Grant(DEPLOYMENT, ANY, Permissions.READ),
                  // Cockpit (community edition) shows running instances only
                  new Grant(PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
                  // who changed users, groups and authorizations, who completed what
                  new Grant(OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ),
                  // only consulted if enableHistoricInstancePermissions is switched on; ready for
                  // it
                  new Grant(
                      HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ),
                  new Grant(HISTORIC_TASK, ANY, HistoricTaskPermissions.READ))),
          // reads /actuator/prometheus and /actuator/info (OperationsSecurityConfig); nothing in
          // the engine
          new Role(GroupIds.MONITORING, "Supervision technique", List.of()));

  private final TransactionTemplate tx;

  GroupBootstrap(TransactionTemplate tx) {
    this.tx = tx;
  }

  /**
   * What erases cases, deployments or history, by resource: only {@code camunda-admin} holds these
   * (review H2). Auditors' evidence is the history; nobody else may delete it, nor delete what it
   * is about.
   */
  static final Map<Resource, List<Permission>> ERASURE =
      Map.of(
          DEPLOYMENT, List.of(Permissions.DELETE),
          PROCESS_DEFINITION,
              List.of(
                  ProcessDefinitionPermissions.DELETE,
                  ProcessDefinitionPermissions.DELETE_INSTANCE,
                  ProcessDefinitionPermissions.DELETE_HISTORY),
          PROCESS_INSTANCE, List.of(ProcessInstancePermissions.DELETE),
          DECISION_DEFINITION, List.of(Permissions.DELETE_HISTORY),
          // a batch can delete instances or history, or move their removal time
          BATCH,
              List.of(
                  BatchPermissions.CREATE,
                  BatchPermissions.CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES,
                  BatchPermissions.CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES,
                  BatchPermissions.CREATE_BATCH_DELETE_DECISION_INSTANCES,
                  BatchPermissions.CREATE_BATCH_SET_REMOVAL_TIME,
                  BatchPermissions.DELETE_HISTORY));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ensureGroups(engine);
    // every start, not only when a group is created: databases created before the fix lose the
    // grants too
    tx.executeWithoutResult(status -> revokeErasure(engine.getAuthorizationService()));
  }

  /**
   * Removes every {@link #ERASURE} permission granted to anyone but {@code camunda-admin} (a group
   * an administrator created in Admin, or a single user, included); returns how many authorizations
   * it changed.
   */
  static int revokeErasure(AuthorizationService authorizations) {
    int changed = 0;
    for (Map.Entry<Resource, List<Permission>> erasure : ERASURE.entrySet()) {
      for (Authorization a :
          authorizations
              .createAuthorizationQuery()
              .authorizationType(Authorization.AUTH_TYPE_GRANT)
              .resourceType(erasure.getKey())
              .list()) {
        if (GroupIds.CAMUNDA_ADMIN.equals(a.getGroupId())) {
          continue;
        }
        List<Permission> granted =
            erasure.getValue().stream().filter(a::isPermissionGranted).toList();
        if (granted.isEmpty()) {
          continue;
        }
        granted.forEach(a::removePermission);
        authorizations.saveAuthorization(a);
        changed++;
        log.warn(
            "Revoked {} on {} '{}' from {}: only camunda-admin erases cases, deployments and history",
            granted.stream().map(Permission::getName).toList(),
            erasure.getKey().resourceName(),
            a.getResourceId(),
            a.getGroupId() != null ? "group " + a.getGroupId() : "user " + a.getUserId());
      }
    }
    return changed;
  }

  /** Creates the missing groups with their grants; returns the ids of the groups it created. */
  List<String> ensureGroups(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    List<String> created = new ArrayList<>();
    for (Role role : ROLES) {
      // a group and its grants in one transaction: never a group without its authorizations
      if (Boolean.TRUE.equals(
          tx.execute(status -> createIfAbsent(role, identity, authorizations)))) {
        created.add(role.groupId());
      }
    }
    return created;
  }

  private static boolean createIfAbsent(
      Role role, IdentityService identity, AuthorizationService authorizations) {
    if (identity.createGroupQuery().groupId(role.groupId()).count() > 0) {
      log.debug("Group {} exists; its authorizations are left as they are", role.groupId());
      return false;
    }
    Group group = identity.newGroup(role.groupId());
    group.setName(role.name());
    group.setType(Groups.GROUP_TYPE_WORKFLOW);
    identity.saveGroup(group);
    for (Grant grant : role.grants()) {
      Authorization authorization =
          authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(role.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
      for (Permission permission : grant.permissions()) {
        authorization.addPermission(permission);
      }
      authorizations.saveAuthorization(authorization);
    }
    log.info(
        "Created group {} ({}) with {} authorizations",
        role.groupId(),
        role.name(),
        role.grants().size());
    return true;
  }
}
