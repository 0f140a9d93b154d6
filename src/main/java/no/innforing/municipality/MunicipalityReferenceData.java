package no.innforing.municipality;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, in every setting and before the demo data: the region's municipalities and each one's tenant and
 * project-leader group. An ApplicationRunner, so the app reports ready (readiness ACCEPTING_TRAFFIC) only after it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MunicipalityReferenceData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MunicipalityReferenceData.class);

    private final MunicipalityImport reference;

    MunicipalityReferenceData(MunicipalityImport reference) {
        this.reference = reference;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = reference.ensureReferenceData();
        log.info("Reference data: {} municipalities added from {}; every municipality's group and tenant in place",
                added, MunicipalityImport.SHIPPED_LIST);
    }
}
