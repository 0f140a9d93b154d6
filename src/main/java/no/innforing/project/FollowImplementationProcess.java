package no.innforing.project;

import no.innforing.security.FollowedProcess;
import org.springframework.stereotype.Component;

/**
 * A municipality's project leaders follow their implementation process in Cockpit: {@code MunicipalityAccess} gives
 * every municipality the rights when it provisions its tenant (start-up, CSV import), so registering a project
 * grants nothing.
 */
@Component
class FollowImplementationProcess implements FollowedProcess {

    @Override
    public String processDefinitionKey() {
        return ProjectProcess.PROCESS_KEY;
    }
}
