package no.innforing.wave;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One move of a wave's go-live date: who, when, why, and how many projects moved with it. */
@Entity
@Table(name = "wave_change")
public class WaveChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "wave_code")
    private String waveCode;

    @Column(name = "old_go_live")
    private LocalDate oldGoLive;

    @Column(name = "new_go_live")
    private LocalDate newGoLive;

    private String reason;

    private String actor;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "projects_moved")
    private int projectsMoved;

    protected WaveChange() {
    }

    WaveChange(String waveCode, LocalDate oldGoLive, LocalDate newGoLive, String reason, String actor,
            Instant changedAt, int projectsMoved) {
        this.waveCode = waveCode;
        this.oldGoLive = oldGoLive;
        this.newGoLive = newGoLive;
        this.reason = reason;
        this.actor = actor;
        this.changedAt = changedAt;
        this.projectsMoved = projectsMoved;
    }

    public String getWaveCode() {
        return waveCode;
    }

    public LocalDate getOldGoLive() {
        return oldGoLive;
    }

    public LocalDate getNewGoLive() {
        return newGoLive;
    }

    public String getReason() {
        return reason;
    }

    public String getActor() {
        return actor;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public int getProjectsMoved() {
        return projectsMoved;
    }
}
