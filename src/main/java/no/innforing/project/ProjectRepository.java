package no.innforing.project;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<ImplementationProject, Long> {

    List<ImplementationProject> findByMunicipalityNumberOrderByCreatedAtDesc(String municipalityNumber);

    Optional<ImplementationProject> findFirstByMunicipalityNumberAndStateIn(String municipalityNumber,
            Collection<ProjectState> states);

    Optional<ImplementationProject> findByProcessInstanceId(String processInstanceId);

    List<ImplementationProject> findByStateIn(Collection<ProjectState> states);

    List<ImplementationProject> findByWaveCodeAndStateIn(String waveCode, Collection<ProjectState> states);
}
