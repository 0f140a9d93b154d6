package no.innforing.project;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.innforing.municipality.Municipality;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProjectRepository extends JpaRepository<ImplementationProject, Long> {

    /**
     * Every project with its municipality and waves in one statement: the associations are eager, and without the
     * graph Hibernate loads each project's municipality with a statement of its own (356 for the country).
     */
    @Override
    @EntityGraph(attributePaths = {"municipality", "wave", "originalWave"})
    List<ImplementationProject> findAll();

    List<ImplementationProject> findByMunicipalityNumberOrderByCreatedAtDesc(String municipalityNumber);

    /**
     * The municipality's open project ({@link ProjectState#OPEN}; there is at most one), with municipality and waves
     * in the same statement (the process reads them right after). The process asks for it in nearly every engine
     * command, so it is a JPQL string with the open states as literals: Hibernate translates it once and keeps the
     * plan, where a derived query with an entity graph and a list parameter was translated to SQL anew on every call
     * (most of the platform's own Java time per task completion and timer, PlatformOverheadBenchmark).
     */
    @Query("select p from ImplementationProject p join fetch p.municipality m join fetch p.wave "
            + "join fetch p.originalWave where m.number = :number and p.state in "
            + "(no.innforing.project.ProjectState.ACTIVE, no.innforing.project.ProjectState.MOVED)")
    List<ImplementationProject> findOpen(@Param("number") String municipalityNumber);

    Optional<ImplementationProject> findByProcessInstanceId(String processInstanceId);

    @EntityGraph(attributePaths = {"municipality", "wave", "originalWave"})
    List<ImplementationProject> findByStateIn(Collection<ProjectState> states);

    /** A wave's projects in the given states, with municipality and waves in the same statement (60 for a wave). */
    @EntityGraph(attributePaths = {"municipality", "wave", "originalWave"})
    List<ImplementationProject> findByWaveCodeAndStateIn(String waveCode, Collection<ProjectState> states);

    /** Every municipality that has (or had) a project, in one query. */
    @Query("select distinct m from ImplementationProject p join p.municipality m order by m.number")
    List<Municipality> findMunicipalitiesWithProject();
}
