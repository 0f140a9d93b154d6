package no.innforing.benefit;

import no.innforing.project.ProjectRegistered;
import no.innforing.security.MunicipalityAccess;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets a municipality's project leaders follow their own measurement instance in Cockpit, as they follow their
 * implementation process: read rights on the {@code benefit-measurement} definition, narrowed to their own
 * municipality by the tenant check. Given at registration and, for groups that already exist, at every start.
 */
@Component
@Order(2)
class BenefitFollowUpAccess implements ApplicationRunner {

    private static final String GROUP_PREFIX = MunicipalityAccess.projectLeaderGroup("");

    private final MunicipalityAccess access;

    BenefitFollowUpAccess(MunicipalityAccess access) {
        this.access = access;
    }

    @EventListener
    void onProjectRegistered(ProjectRegistered registered) {
        access.letFollow(registered.municipalityNumber(), BenefitFollowUp.PROCESS_KEY);
    }

    @Override
    public void run(ApplicationArguments args) {
        access.provisionAll(batch -> batch.groupIds().stream().filter(id -> id.startsWith(GROUP_PREFIX)).toList()
                .forEach(id -> batch.letFollow(id.substring(GROUP_PREFIX.length()), BenefitFollowUp.PROCESS_KEY)));
    }
}
