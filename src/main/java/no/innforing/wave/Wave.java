package no.innforing.wave;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A go-live wave (produksjonssetting): its go-live date drives every member's deadlines. */
@Entity
@Table(name = "wave")
public class Wave {

    @Id
    private String code;

    private String name;

    @Column(name = "hospital_trust")
    private String hospitalTrust;

    @Column(name = "go_live_date")
    private LocalDate goLiveDate;

    @Column(name = "sequence_no")
    private int sequenceNo;

    @Column(name = "capacity_municipalities")
    private Integer capacityMunicipalities;

    @Column(name = "capacity_inhabitants")
    private Integer capacityInhabitants;

    protected Wave() {
    }

    public Wave(String code, String name, String hospitalTrust, LocalDate goLiveDate, int sequenceNo) {
        this.code = code;
        this.name = name;
        this.hospitalTrust = hospitalTrust;
        this.goLiveDate = goLiveDate;
        this.sequenceNo = sequenceNo;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getHospitalTrust() {
        return hospitalTrust;
    }

    public LocalDate getGoLiveDate() {
        return goLiveDate;
    }

    public int getSequenceNo() {
        return sequenceNo;
    }

    /** How many municipalities the wave can take; null when RAG has set no limit. */
    public Integer getCapacityMunicipalities() {
        return capacityMunicipalities;
    }

    /** How many inhabitants the wave's municipalities may have together; null when RAG has set no limit. */
    public Integer getCapacityInhabitants() {
        return capacityInhabitants;
    }

    void setCapacity(Integer municipalities, Integer inhabitants) {
        this.capacityMunicipalities = municipalities;
        this.capacityInhabitants = inhabitants;
    }

    public void setGoLiveDate(LocalDate goLiveDate) {
        this.goLiveDate = goLiveDate;
    }
}
