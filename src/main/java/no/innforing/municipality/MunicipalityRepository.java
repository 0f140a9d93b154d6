package no.innforing.municipality;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MunicipalityRepository extends JpaRepository<Municipality, String>, MunicipalityLocks {

    List<Municipality> findAllByOrderByNumber();
}

/**
 * Query strings run through the entity manager, not declared with {@code @Query}: Spring Data parses every declared
 * query string with a grammar of its own when the repository is created, and the first parse is an ANTLR cold start
 * of about a second at start-up (StartupBenchmark, BENCHMARKS.md). Hibernate translates the string at its first use
 * and keeps the plan.
 */
interface MunicipalityLocks {

    /** Locks the municipality row so that two nodes cannot register two open projects for it at once. */
    Optional<Municipality> lockByNumber(String number);
}

class MunicipalityLocksImpl implements MunicipalityLocks {

    private final EntityManager entityManager;

    MunicipalityLocksImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<Municipality> lockByNumber(String number) {
        return entityManager.createQuery("select m from Municipality m where m.number = :number", Municipality.class)
                .setParameter("number", number).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().findFirst();
    }
}
