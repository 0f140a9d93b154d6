package no.innforing.wave;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WaveRepository extends JpaRepository<Wave, String> {

    List<Wave> findAllByOrderByGoLiveDateAscSequenceNoAsc();
}
