package no.innforing.benefit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One measured value of a goal's indicator on a day after go-live. */
@Entity
@Table(name = "benefit_measurement")
public class Measurement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "goal_id")
    private Long goalId;

    @Column(name = "measured_on")
    private LocalDate measuredOn;

    @Column(name = "measured_value")
    private BigDecimal value;

    private String note;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "registered_at")
    private Instant registeredAt;

    protected Measurement() {
    }

    Measurement(Long goalId, LocalDate measuredOn, BigDecimal value, String note, String registeredBy,
            Instant registeredAt) {
        this.goalId = goalId;
        this.measuredOn = measuredOn;
        this.value = value;
        this.note = note;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    public Long getId() { return id; }
    public Long getGoalId() { return goalId; }
    public LocalDate getMeasuredOn() { return measuredOn; }
    public BigDecimal getValue() { return value; }
    public String getNote() { return note; }
    public String getRegisteredBy() { return registeredBy; }
    public Instant getRegisteredAt() { return registeredAt; }
}
