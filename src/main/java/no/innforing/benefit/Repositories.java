package no.innforing.benefit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BenefitPlanRepository extends JpaRepository<BenefitPlan, Long> {
    /** A query string, not a derived query: Hibernate keeps its translation (a derived query's criteria it translates
     * again on every call, and the process saves a plan inside the project leader's completion). */
    @Query("select p from BenefitPlan p where p.projectId = :projectId")
    Optional<BenefitPlan> findByProjectId(@Param("projectId") Long projectId);
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
