package no.innforing.benefit;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BenefitPlanRepository extends JpaRepository<BenefitPlan, Long>, BenefitPlanLookup {
}

/**
 * A query string, not a derived query: Hibernate keeps its translation (a derived query's criteria it translates
 * again on every call, and the process saves a plan inside the project leader's completion); run through the entity
 * manager rather than declared with {@code @Query} (Spring Data would parse it at start-up with a grammar of its own,
 * see {@code MunicipalityRepository}).
 */
interface BenefitPlanLookup {
    Optional<BenefitPlan> findByProjectId(Long projectId);
}

class BenefitPlanLookupImpl implements BenefitPlanLookup {

    private final EntityManager entityManager;

    BenefitPlanLookupImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<BenefitPlan> findByProjectId(Long projectId) {
        return entityManager.createQuery("select p from BenefitPlan p where p.projectId = :projectId", BenefitPlan.class)
                .setParameter("projectId", projectId).getResultList().stream().findFirst();
    }
}

interface BenefitGoalRepository extends JpaRepository<BenefitGoal, Long> {
    List<BenefitGoal> findByProjectIdOrderByFocusAreaAscIdAsc(Long projectId);

    List<BenefitGoal> findByProjectIdIn(Collection<Long> projectIds);
}

interface MeasurementRepository extends JpaRepository<Measurement, Long> {
    List<Measurement> findByGoalIdInOrderByMeasuredOnAscIdAsc(Collection<Long> goalIds);

    boolean existsByGoalIdAndMeasuredOnBetween(Long goalId, LocalDate from, LocalDate to);
}

interface RiskRepository extends JpaRepository<Risk, Long> {
    List<Risk> findByProjectIdOrderByIdAsc(Long projectId);

    List<Risk> findByStatus(RiskStatus status);
}

interface CostTotalRepository extends JpaRepository<CostTotal, String> {
}
