package no.innforing.wave;

import java.time.Instant;
import java.time.LocalDate;

/** A move of a wave's go-live date as the API shows it. */
public record WaveChangeView(String waveCode, LocalDate oldGoLive, LocalDate newGoLive, String reason, String actor,
        Instant changedAt, int projectsMoved) {

    public static WaveChangeView of(WaveChange c) {
        return new WaveChangeView(c.getWaveCode(), c.getOldGoLive(), c.getNewGoLive(), c.getReason(), c.getActor(),
                c.getChangedAt(), c.getProjectsMoved());
    }
}
