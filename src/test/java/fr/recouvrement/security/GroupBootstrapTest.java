package fr.recouvrement.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class GroupBootstrapTest {
  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired GroupBootstrap bootstrap;

  @Test
  void theGroupsOfTheContractExistWithTheirFrenchNamesAndGrants() {
    assertThat(GroupBootstrap.ROLES)
        .extracting(GroupBootstrap.Role::name)
        .containsExactly(
            "Chargés de recouvrement",
            "Superviseurs",
            "Analystes métier",
            "Auditeurs",
            "Supervision technique");
    for (GroupBootstrap.Role role : GroupBootstrap.ROLES) {
      Group group = identityService.createGroupQuery().groupId(role.groupId()).singleResult();
      assertThat(group).as(role.groupId()).isNotNull();
      assertThat(group.getName()).isEqualTo(role.name());
      for (GroupBootstrap.Grant grant : role.grants()) {
        Authorization granted =
            authorizationService
                .createAuthorizationQuery()
                .groupIdIn(role.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        assertThat(granted)
            .as(role.groupId() + " on " + grant.resource().resourceName())
            .isNotNull();
        assertThat(granted.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
        assertThat(granted.getPermissions(grant.permissions()))
            .containsExactlyInAnyOrder(grant.permissions());
      }
    }
  }

  @Test
  void auditorsMayChangeNothing() {
    List<String> changes =
        List.of(
            "ALL",
            "CREATE",
            "UPDATE",
            "DELETE",
            "TASK_WORK",
            "TASK_ASSIGN",
            "UPDATE_VARIABLE",
            "CREATE_INSTANCE");
    for (Authorization a :
        authorizationService.createAuthorizationQuery().groupIdIn(GroupIds.AUDITORS).list()) {
      Permission[] all = Permissions.values();
      assertThat(a.getPermissions(all))
          .extracting(Permission::getName)
          .as("resource type " + a.getResourceType())
          .doesNotContainAnyElementsOf(changes);
    }
  }

  @Test
  void theStarterGivesCamundaAdminEverything() {
    for (Resources resource :
        new Resources[] {
          Resources.PROCESS_DEFINITION,
          Resources.USER,
          Resources.AUTHORIZATION,
          Resources.DEPLOYMENT
        }) {
      Authorization admin =
          authorizationService
              .createAuthorizationQuery()
              .groupIdIn(GroupIds.CAMUNDA_ADMIN)
              .resourceType(resource)
              .resourceId("*")
              .singleResult();
      assertThat(admin).as(resource.resourceName()).isNotNull();
      assertThat(admin.isPermissionGranted(Permissions.ALL)).isTrue();
    }
  }

  @Test
  void runningAgainCreatesNothingAndDuplicatesNothing() {
    long groups = identityService.createGroupQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();

    assertThat(bootstrap.ensureGroups(processEngine)).isEmpty();
    assertThat(bootstrap.ensureGroups(processEngine)).isEmpty();

    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    for (GroupBootstrap.Role role : GroupBootstrap.ROLES) {
      assertThat(identityService.createGroupQuery().groupId(role.groupId()).count()).isEqualTo(1);
    }
  }
}
