package no.innforing.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that decides who may see a municipality, for the app and for the engine alike.
 *
 * <p>Each municipality is a Camunda tenant (its number) whose members are the group {@code municipality-<number>}
 * (its project leaders) and the group {@code rag}; every process instance carries its municipality's tenant
 * ({@link MunicipalityTenants}). So the engine shows a project leader only their own instance, tasks, variables
 * and history in Tasklist, Cockpit and the engine REST API, and the app applies the same rule to its API here:
 * RAG and administrators see every municipality, a project leader only the ones whose group they are in.
 */
@Component
public class MunicipalityAccess {

    /** The regional working group: follows every municipality and takes RAG's decisions in Tasklist. */
    public static final String RAG_GROUP = "rag";
    /** The group of the Prometheus scraper's user: no rights in the engine, only {@code /actuator/prometheus}. */
    public static final String METRICS_GROUP = "metrics";

    /** The process variable that carries the municipality number, and so the instance's tenant. */
    public static final String MUNICIPALITY_VARIABLE = "municipalityNumber";

    static final String GROUP_PREFIX = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX;

    /** What following a process in Cockpit takes: its definition, its instances and their history. */
    private static final Permission[] FOLLOW = {ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY};

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ProcessEngine processEngine;
    private final List<String> followedProcesses;
    /**
     * The municipalities whose tenant this node has provisioned or found since it started (after the commit), so
     * {@link #provision} asks the engine only about one it has not seen: the reference data provisions every
     * municipality at start-up, so a registration normally asks nothing. A tenant an administrator deletes by hand
     * while the platform runs comes back at the next start, as the memberships and rights do.
     */
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    MunicipalityAccess(IdentityService identityService, AuthorizationService authorizationService,
            ProcessEngine processEngine, List<FollowedProcess> followedProcesses) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.processEngine = processEngine;
        this.followedProcesses = followedProcesses.stream().map(FollowedProcess::processDefinitionKey).sorted()
                .toList();
    }

    /** The group whose members lead the municipality's project: {@code municipality-<number>}. */
    public static String projectLeaderGroup(String municipalityNumber) {
        return "municipality-" + municipalityNumber;
    }

    /** True when the given groups may see the municipality's project. */
    public static boolean maySee(Collection<String> groups, String municipalityNumber) {
        return isRegional(groups) || groups.contains(projectLeaderGroup(municipalityNumber));
    }

    /** RAG members and administrators follow every municipality. */
    public static boolean isRegional(Collection<String> groups) {
        return groups.contains(RAG_GROUP) || groups.contains(Groups.CAMUNDA_ADMIN);
    }

    /** The groups of the user calling the app's API. */
    public static Set<String> currentGroups() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX)).map(a -> a.substring(GROUP_PREFIX.length()))
                .collect(Collectors.toSet());
    }

    public void requireSee(String municipalityNumber) {
        if (!maySee(currentGroups(), municipalityNumber)) {
            throw new AccessDeniedException("Du har ikke tilgang til kommune " + municipalityNumber
                    + ". En prosjektleder ser bare sin egen kommune; RAG ser alle.");
        }
    }

    public void requireRegional(String action) {
        if (!isRegional(currentGroups())) {
            throw new AccessDeniedException("Bare RAG og administratorer kan " + action + ".");
        }
    }

    /**
     * Makes sure the municipality's tenant, project-leader group, memberships, access to Tasklist and Cockpit and
     * the rights to follow its {@link FollowedProcess processes} exist. Idempotent: runs when a municipality becomes
     * known (start-up's reference data, CSV import) and at every registration, where it knows the municipality
     * ({@link #provisioned}) or finds its tenant, and writes nothing.
     */
    public void provision(String municipalityNumber, String municipalityName) {
        if (provisioned.contains(municipalityNumber)) {
            return;
        }
        inOneCommand(() -> {
            // Everything below is written in one command, so a tenant means the rest is there too: every
            // municipality got it when it became known (reference data at start-up, CSV import). What an
            // administrator removes by hand, start-up's provisionAll puts back.
            if (identityService.createTenantQuery().tenantId(municipalityNumber).count() == 0) {
                provisionNew(municipalityNumber, municipalityName);
            }
            rememberProvisioned(Set.of(municipalityNumber));
        });
    }

    /** Adds the municipalities to {@link #provisioned} once the transaction that found or wrote them commits. */
    private void rememberProvisioned(Set<String> municipalityNumbers) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            provisioned.addAll(municipalityNumbers);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                provisioned.addAll(municipalityNumbers);
            }
        });
    }

    private void provisionNew(String municipalityNumber, String municipalityName) {
        String group = projectLeaderGroup(municipalityNumber);
        ensureGroup(RAG_GROUP, "Regional arbeidsgruppe (RAG)");
        ensureGroup(group, "Prosjektleder " + municipalityName);
        Tenant tenant = identityService.newTenant(municipalityNumber);
        tenant.setName(municipalityName);
        identityService.saveTenant(tenant);
        for (String member : new String[] {group, RAG_GROUP}) {
            identityService.createTenantGroupMembership(municipalityNumber, member);   // a new tenant has no members
        }
        // Broad grants are safe: the tenant check narrows them to the group's own municipality.
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        followedProcesses.forEach(key -> grant(group, Resources.PROCESS_DEFINITION, key, FOLLOW));
    }

    /**
     * Runs {@code work} as one engine command: the identity and authorization calls inside join it instead of each
     * being a command of its own (registering a municipality made ten), so what one call wrote the next finds in the
     * command's cache instead of reading it again (the new tenant and groups when their memberships are made), and
     * the writes are flushed together. Inside a command already, simply runs it there.
     */
    public void inOneCommand(Runnable work) {
        inOneCommand(() -> {
            work.run();
            return null;
        });
    }

    /** {@link #inOneCommand(Runnable)} for work with a result. */
    public <T> T inOneCommand(Supplier<T> work) {
        if (Context.getCommandContext() != null) {
            return work.get();
        }
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }

    void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
            GrantsInTransaction.groupCreated(id);
        }
    }

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Map<String, Authorization> grants = GrantsInTransaction.of(groupId, () -> authorizationService
                .createAuthorizationQuery().groupIdIn(groupId).list().stream()
                .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
                .collect(Collectors.toMap(a -> GrantsInTransaction.resourceKey(a.getResourceType(), a.getResourceId()),
                        a -> a, (a, b) -> a, HashMap::new)));
        String key = GrantsInTransaction.resourceKey(resource.resourceType(), resourceId);
        Authorization existing = grants.get(key);
        if (grantsAll(existing, permissions)) {
            return;
        }
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        grants.put(key, authorizationService.saveAuthorization(authorization));
    }

    /** True when the authorization is a grant that already holds every permission: saving it would change nothing. */
    private static boolean grantsAll(Authorization existing, Permission... permissions) {
        return existing != null && existing.getAuthorizationType() == AUTH_TYPE_GRANT
                && Arrays.stream(permissions).allMatch(existing::isPermissionGranted);
    }

    /**
     * The start-up's provisioning of every municipality at once: the same result as {@link #provision} for each, but the groups, tenants, tenant memberships and rights already present are read
     * with a handful of queries, only what is missing (or lacks a permission) is written, and everything runs in
     * one engine command, so the inserts of a first start are flushed together instead of one command per write
     * and a restart writes nothing.
     */
    public void provisionAll(Consumer<Provisioning> work) {
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(commandContext -> {
                    Provisioning provisioning = new Provisioning();
                    work.accept(provisioning);
                    rememberProvisioned(provisioning.provisioned);
                    return null;
                });
    }

    /** {@link #provision} for many municipalities, against what was read once. */
    public final class Provisioning {

        private Set<String> groups;
        private Set<String> tenants;
        private final Set<String> tenantsCreated = new HashSet<>();
        private final Set<String> provisioned = new HashSet<>();
        private final Map<String, Set<String>> tenantsOfGroup = new HashMap<>();
        private final Map<String, Map<String, Authorization>> grantsByResource = new HashMap<>();

        private Provisioning() {
        }

        /** As {@link MunicipalityAccess#provision}. */
        public void provision(String municipalityNumber, String municipalityName) {
            provisioned.add(municipalityNumber);
            String group = projectLeaderGroup(municipalityNumber);
            ensureGroup(RAG_GROUP, "Regional arbeidsgruppe (RAG)");
            ensureGroup(group, "Prosjektleder " + municipalityName);
            if (tenants().add(municipalityNumber)) {
                Tenant tenant = identityService.newTenant(municipalityNumber);
                tenant.setName(municipalityName);
                identityService.saveTenant(tenant);
                tenantsCreated.add(municipalityNumber);
            }
            for (String member : new String[] {group, RAG_GROUP}) {
                if (tenantsOf(member, municipalityNumber).add(municipalityNumber)) {
                    identityService.createTenantGroupMembership(municipalityNumber, member);
                }
            }
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            followedProcesses.forEach(key -> grant(group, Resources.PROCESS_DEFINITION, key, FOLLOW));
        }

        /** The ids of every group, as read at the start of this provisioning (and created since). */
        public Set<String> groupIds() {
            if (groups == null) {
                groups = identityService.createGroupQuery().list().stream().map(Group::getId)
                        .collect(Collectors.toCollection(HashSet::new));
            }
            return groups;
        }

        private void ensureGroup(String id, String name) {
            if (groupIds().add(id)) {
                Group group = identityService.newGroup(id);
                group.setName(name);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        }

        private Set<String> tenants() {
            if (tenants == null) {
                tenants = identityService.createTenantQuery().list().stream().map(Tenant::getId)
                        .collect(Collectors.toCollection(HashSet::new));
            }
            return tenants;
        }

        /**
         * The tenants the group is a member of, as far as this provisioning needs them: RAG's all at once; a
         * municipality's group has only its own tenant, and none when that tenant was created just now.
         */
        private Set<String> tenantsOf(String group, String municipalityNumber) {
            return tenantsOfGroup.computeIfAbsent(group, g -> RAG_GROUP.equals(g)
                    || !tenantsCreated.contains(municipalityNumber)
                            ? identityService.createTenantQuery().groupMember(g).list().stream().map(Tenant::getId)
                                    .collect(Collectors.toCollection(HashSet::new))
                            : new HashSet<>());
        }

        private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
            Map<String, Authorization> byGroup = grantsByResource.computeIfAbsent(
                    resource.resourceType() + "/" + resourceId,
                    key -> authorizationService.createAuthorizationQuery().resourceType(resource)
                            .resourceId(resourceId).list().stream().filter(a -> a.getGroupId() != null)
                            .collect(Collectors.toMap(Authorization::getGroupId, a -> a, (a, b) -> a,
                                    HashMap::new)));
            Authorization existing = byGroup.get(groupId);
            if (grantsAll(existing, permissions)) {
                return;
            }
            Authorization authorization = existing != null ? existing
                    : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permission permission : permissions) {
                authorization.addPermission(permission);
            }
            byGroup.put(groupId, authorizationService.saveAuthorization(authorization));
        }
    }
}
