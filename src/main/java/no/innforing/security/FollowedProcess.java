package no.innforing.security;

/**
 * A process whose instances a municipality's project leaders follow in Cockpit: each module that runs one declares
 * it as a bean, and {@link MunicipalityAccess} grants every municipality's group read rights on its definition (its
 * instances and their history) together with the tenant, so a municipality known to the platform has every right
 * before its project is registered. The tenant check narrows the rights to the group's own municipality.
 */
public interface FollowedProcess {

    /** The key of the process definition. */
    String processDefinitionKey();
}
