package no.innforing.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    Optional<Notification> findByIdempotencyKey(String idempotencyKey);

    List<Notification> findByMunicipalityNumberOrderByDueAtDescIdDesc(String municipalityNumber);

    List<Notification> findAllByOrderByDueAtDescIdDesc();

    List<Notification> findByProjectIdOrderByDueAtAscIdAsc(Long projectId);
}
