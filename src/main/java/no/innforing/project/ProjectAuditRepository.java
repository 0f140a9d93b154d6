package no.innforing.project;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectAuditRepository extends JpaRepository<ProjectAudit, Long> {

    List<ProjectAudit> findByProjectIdOrderByOccurredAtAscIdAsc(Long projectId);
}
