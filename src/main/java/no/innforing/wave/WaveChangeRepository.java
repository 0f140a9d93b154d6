package no.innforing.wave;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WaveChangeRepository extends JpaRepository<WaveChange, Long> {

    List<WaveChange> findByWaveCodeOrderByChangedAtDesc(String waveCode);
}
