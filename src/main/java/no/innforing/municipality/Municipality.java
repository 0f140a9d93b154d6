package no.innforing.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A municipality of the region, identified by its official number (for example 1505 Kristiansund). */
@Entity
@Table(name = "municipality")
public class Municipality {

    @Id
    @Pattern(regexp = "\\d{4}", message = "kommunenummer må ha fire sifre")
    private String number;

    @NotBlank
    private String name;

    @NotBlank
    private String county;

    @Min(0)
    private int population;

    @Email(message = "ugyldig e-postadresse for prosjektleder")
    @Column(name = "project_leader_email")
    private String projectLeaderEmail;

    @Email(message = "ugyldig e-postadresse for kommunedirektør")
    @Column(name = "chief_executive_email")
    private String chiefExecutiveEmail;

    protected Municipality() {
    }

    public Municipality(String number, String name, String county, int population) {
        this.number = number;
        this.name = name;
        this.county = county;
        this.population = population;
    }

    public String getNumber() {
        return number;
    }

    public String getName() {
        return name;
    }

    public String getCounty() {
        return county;
    }

    public int getPopulation() {
        return population;
    }

    public String getProjectLeaderEmail() {
        return projectLeaderEmail;
    }

    public String getChiefExecutiveEmail() {
        return chiefExecutiveEmail;
    }

    /** Takes an import's name, county and population; true when anything changed. */
    boolean update(String name, String county, int population) {
        boolean changed = !name.equals(this.name) || !county.equals(this.county) || population != this.population;
        this.name = name;
        this.county = county;
        this.population = population;
        return changed;
    }

    public void setContacts(String projectLeaderEmail, String chiefExecutiveEmail) {
        this.projectLeaderEmail = projectLeaderEmail;
        this.chiefExecutiveEmail = chiefExecutiveEmail;
    }
}
