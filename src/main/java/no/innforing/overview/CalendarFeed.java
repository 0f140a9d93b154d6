package no.innforing.overview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The secret token in a municipality's calendar-feed address. */
@Entity
@Table(name = "calendar_feed")
class CalendarFeed {

    @Id
    @Column(name = "municipality_number")
    private String municipalityNumber;

    private String token;

    @Column(name = "created_at")
    private Instant createdAt;

    protected CalendarFeed() {
    }

    CalendarFeed(String municipalityNumber, String token, Instant createdAt) {
        this.municipalityNumber = municipalityNumber;
        this.token = token;
        this.createdAt = createdAt;
    }

    String getMunicipalityNumber() {
        return municipalityNumber;
    }

    String getToken() {
        return token;
    }
}
