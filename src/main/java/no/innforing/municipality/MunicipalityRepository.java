package no.innforing.municipality;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MunicipalityRepository extends JpaRepository<Municipality, String> {

    List<Municipality> findAllByOrderByNumber();

    /** Locks the municipality row so that two nodes cannot register two open projects for it at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Municipality m where m.number = ?1")
    Optional<Municipality> lockByNumber(String number);
}
