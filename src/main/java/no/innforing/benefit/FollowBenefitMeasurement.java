package no.innforing.benefit;

import no.innforing.security.FollowedProcess;
import org.springframework.stereotype.Component;

/**
 * A municipality's project leaders follow their own measurement instance in Cockpit, as they follow their
 * implementation process: {@code MunicipalityAccess} gives every municipality read rights on the
 * {@code benefit-measurement} definition with its tenant, narrowed to their own municipality by the tenant check.
 */
@Component
class FollowBenefitMeasurement implements FollowedProcess {

    @Override
    public String processDefinitionKey() {
        return BenefitFollowUp.PROCESS_KEY;
    }
}
