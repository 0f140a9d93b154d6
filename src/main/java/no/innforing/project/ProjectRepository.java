package no.innforing.project;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.innforing.wave.Wave;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<ImplementationProject, Long>, ProjectLookups {

    /**
     * Every project with its municipality and waves in one statement: the associations are eager, and without the
     * graph Hibernate loads each project's municipality with a statement of its own (356 for the country).
     */
    @Override
    @EntityGraph(attributePaths = {"municipality", "wave", "originalWave"})
    List<ImplementationProject> findAll();

    List<ImplementationProject> findByMunicipalityNumberOrderByCreatedAtDesc(String municipalityNumber);

    Optional<ImplementationProject> findByProcessInstanceId(String processInstanceId);

    @EntityGraph(attributePaths = {"municipality", "wave", "originalWave"})
    List<ImplementationProject> findByStateIn(Collection<ProjectState> states);

    /** A wave's projects in the given states, with municipality and waves in the same statement (60 for a wave). */
    @EntityGraph(attributePaths = {"municipality", "wave", "originalWave"})
    List<ImplementationProject> findByWaveCodeAndStateIn(String waveCode, Collection<ProjectState> states);
}

/**
 * The projects' query strings, run through the entity manager rather than declared with {@code @Query} (Spring Data
 * would parse them at start-up with a grammar of its own, see {@code MunicipalityRepository}).
 */
interface ProjectLookups {

    /**
     * The municipality's open project ({@link ProjectState#OPEN}; there is at most one), with municipality and waves
     * in the same statement (the process reads them right after). The process asks for it in nearly every engine
     * command, so it is a JPQL string with the open states as literals: Hibernate translates it once and keeps the
     * plan, where a derived query with an entity graph and a list parameter was translated to SQL anew on every call
     * (most of the platform's own Java time per task completion and timer, PlatformOverheadBenchmark).
     */
    List<ImplementationProject> findOpen(String municipalityNumber);

    /**
     * The wave a project is to be registered in, and the wave of the municipality's open project if it has one, in
     * one statement (registration asks both right after locking the municipality; the statement reads what is
     * committed when it runs, so after the lock). Empty when there is no such wave.
     */
    Optional<WaveAndOpenProject> findWaveAndOpenProject(String waveCode, String municipalityNumber);

    /** The wave asked for, and the code of the wave of the municipality's open project ({@code null}: none). */
    record WaveAndOpenProject(Wave wave, String openProjectWave) {
    }
}

class ProjectLookupsImpl implements ProjectLookups {

    private final EntityManager entityManager;

    ProjectLookupsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<ImplementationProject> findOpen(String municipalityNumber) {
        return entityManager.createQuery("select p from ImplementationProject p join fetch p.municipality m "
                + "join fetch p.wave join fetch p.originalWave where m.number = :number and p.state in "
                + "(no.innforing.project.ProjectState.ACTIVE, no.innforing.project.ProjectState.MOVED)",
                ImplementationProject.class).setParameter("number", municipalityNumber).getResultList();
    }

    @Override
    public Optional<WaveAndOpenProject> findWaveAndOpenProject(String waveCode, String municipalityNumber) {
        return entityManager.createQuery("select w, (select max(p.wave.code) from ImplementationProject p "
                + "where p.municipality.number = :number and p.state in "
                + "(no.innforing.project.ProjectState.ACTIVE, no.innforing.project.ProjectState.MOVED)) "
                + "from Wave w where w.code = :code", Object[].class)
                .setParameter("code", waveCode == null ? "" : waveCode).setParameter("number", municipalityNumber)
                .getResultList().stream().findFirst()
                .map(row -> new WaveAndOpenProject((Wave) row[0], (String) row[1]));
    }
}
