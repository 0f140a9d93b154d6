package no.innforing.project;

import java.util.List;
import no.innforing.municipality.Municipality;
import no.innforing.security.MunicipalityAccess;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start: the tenant, group and rights of every municipality that has a project, so that a database
 * restored from a backup or filled by an earlier version gives the same access. Idempotent.
 */
@Component
@Order(1)
class ProjectAccessSetup implements ApplicationRunner {

    private final ProjectRepository projects;
    private final MunicipalityAccess access;

    ProjectAccessSetup(ProjectRepository projects, MunicipalityAccess access) {
        this.projects = projects;
        this.access = access;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Municipality> withProject = projects.findMunicipalitiesWithProject();
        access.provisionAll(batch -> withProject.forEach(m -> {
            batch.provision(m.getNumber(), m.getName());
            batch.letFollow(m.getNumber(), ProjectProcess.PROCESS_KEY);
        }));
    }
}
