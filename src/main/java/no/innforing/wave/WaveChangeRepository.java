package no.innforing.wave;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WaveChangeRepository extends JpaRepository<WaveChange, Long> {

    List<WaveChange> findByWaveCodeOrderByChangedAtDesc(String waveCode);
}
