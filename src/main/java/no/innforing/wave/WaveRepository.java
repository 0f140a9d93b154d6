package no.innforing.wave;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WaveRepository extends JpaRepository<Wave, String> {

    List<Wave> findAllByOrderByGoLiveDateAscSequenceNoAsc();
}
