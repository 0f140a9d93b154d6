package no.innforing.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    Optional<Notification> findByIdempotencyKey(String idempotencyKey);

    /** Which of these idempotency keys the log already has. */
    @Query("select n.idempotencyKey from Notification n where n.idempotencyKey in ?1")
    List<String> findIdempotencyKeysIn(java.util.Collection<String> idempotencyKeys);

    List<Notification> findByMunicipalityNumberOrderByDueAtDescIdDesc(String municipalityNumber);

    List<Notification> findAllByOrderByDueAtDescIdDesc();

    List<Notification> findByProjectIdOrderByDueAtAscIdAsc(Long projectId);

    /** Rows of (status, count) over the whole log. */
    @Query("select n.status, count(n) from Notification n group by n.status")
    List<Object[]> countByStatus();

    /** Rows of (status, count) over one municipality's log. */
    @Query("select n.status, count(n) from Notification n where n.municipalityNumber = ?1 group by n.status")
    List<Object[]> countByStatus(String municipalityNumber);
}
