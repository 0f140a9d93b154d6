package no.innforing.benefit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The total cost of the region or of one wave, in whole kroner, to be shared by population. */
@Entity
@Table(name = "cost_total")
public class CostTotal {

    @Id
    private String scope;

    @Column(name = "amount_nok")
    private long amountNok;

    @Column(name = "set_by")
    private String setBy;

    @Column(name = "set_at")
    private Instant setAt;

    protected CostTotal() {
    }

    CostTotal(String scope) {
        this.scope = scope;
    }

    void set(long amountNok, Instant at, String by) {
        this.amountNok = amountNok;
        this.setAt = at;
        this.setBy = by;
    }

    public String getScope() { return scope; }
    public long getAmountNok() { return amountNok; }
    public String getSetBy() { return setBy; }
    public Instant getSetAt() { return setAt; }
}
