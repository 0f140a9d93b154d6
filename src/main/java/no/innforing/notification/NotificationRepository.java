package no.innforing.notification;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long>, NotificationCounts {

    Optional<Notification> findByIdempotencyKey(String idempotencyKey);

    List<Notification> findByMunicipalityNumberOrderByDueAtDescIdDesc(String municipalityNumber);

    List<Notification> findAllByOrderByDueAtDescIdDesc();

    List<Notification> findByProjectIdOrderByDueAtAscIdAsc(Long projectId);
}

/**
 * The log's query strings, run through the entity manager rather than declared with {@code @Query} (Spring Data
 * would parse them at start-up with a grammar of its own, see {@code MunicipalityRepository}).
 */
interface NotificationCounts {

    /** Which of these idempotency keys the log already has. */
    List<String> findIdempotencyKeysIn(Collection<String> idempotencyKeys);

    /** Rows of (status, count) over the whole log. */
    List<Object[]> countByStatus();

    /** Rows of (status, count) over one municipality's log. */
    List<Object[]> countByStatus(String municipalityNumber);
}

class NotificationCountsImpl implements NotificationCounts {

    private final EntityManager entityManager;

    NotificationCountsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<String> findIdempotencyKeysIn(Collection<String> idempotencyKeys) {
        return entityManager.createQuery("select n.idempotencyKey from Notification n where n.idempotencyKey in :keys",
                String.class).setParameter("keys", idempotencyKeys).getResultList();
    }

    @Override
    public List<Object[]> countByStatus() {
        return entityManager.createQuery("select n.status, count(n) from Notification n group by n.status",
                Object[].class).getResultList();
    }

    @Override
    public List<Object[]> countByStatus(String municipalityNumber) {
        return entityManager.createQuery("select n.status, count(n) from Notification n where n.municipalityNumber = "
                + ":number group by n.status", Object[].class).setParameter("number", municipalityNumber)
                .getResultList();
    }
}
