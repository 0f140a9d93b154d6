package no.innforing.project;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.innforing.municipality.Municipality;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectRepository extends JpaRepository<ImplementationProject, Long> {

    /**
     * Every project with its municipality and waves in one statement: the associations are eager, and without the
     * graph Hibernate loads each project's municipality with a statement of its own (356 for the country).
     */
    @Override
    @EntityGraph(attributePaths = {"municipality", "wave", "originalWave"})
    List<ImplementationProject> findAll();

    List<ImplementationProject> findByMunicipalityNumberOrderByCreatedAtDesc(String municipalityNumber);

    /** With municipality and waves in the same query (the process reads them right after). */
    @EntityGraph(attributePaths = {"municipality", "wave", "originalWave"})
    Optional<ImplementationProject> findFirstByMunicipalityNumberAndStateIn(String municipalityNumber,
            Collection<ProjectState> states);

    Optional<ImplementationProject> findByProcessInstanceId(String processInstanceId);

    @EntityGraph(attributePaths = {"municipality", "wave", "originalWave"})
    List<ImplementationProject> findByStateIn(Collection<ProjectState> states);

    List<ImplementationProject> findByWaveCodeAndStateIn(String waveCode, Collection<ProjectState> states);

    /** Every municipality that has (or had) a project, in one query. */
    @Query("select distinct m from ImplementationProject p join p.municipality m order by m.number")
    List<Municipality> findMunicipalitiesWithProject();
}
