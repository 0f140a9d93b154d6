package no.innforing.benefit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BenefitPlanRepository extends JpaRepository<BenefitPlan, Long> {
    Optional<BenefitPlan> findByProjectId(Long projectId);
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

    /**
     * Stamps every risk of the project that is not closed as reviewed, in one statement (the version goes up as with
     * any change, so a form holding the old version is refused). Pending changes are written first; the persistence
     * context is not cleared (the transaction's other entities stay managed), so a risk already loaded in the same
     * transaction would be refused by its version if saved afterwards, never written over silently.
     */
    @Modifying(flushAutomatically = true)
    @Query("update Risk r set r.reviewedAt = :at, r.reviewedBy = :by, r.version = r.version + 1 "
            + "where r.projectId = :projectId and r.status <> no.innforing.benefit.RiskStatus.CLOSED")
    int markReviewed(@Param("projectId") Long projectId, @Param("at") java.time.Instant at, @Param("by") String by);

    List<Risk> findByStatus(RiskStatus status);
}

interface CostTotalRepository extends JpaRepository<CostTotal, String> {
}
