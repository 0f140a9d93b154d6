package no.innforing.project;

import no.innforing.security.MunicipalityAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works a municipality's user tasks, as the BPMN reads it ({@code ${projectLeaders.groupOf(execution)}}): the
 * project-leader group derived from the instance's business key, the municipality number. Never from a process
 * variable, which the people whose work it steers could overwrite through their own task.
 */
@Component("projectLeaders")
public class ProjectLeaders {

    public String groupOf(DelegateExecution execution) {
        return MunicipalityAccess.projectLeaderGroup(execution.getProcessBusinessKey());
    }
}
