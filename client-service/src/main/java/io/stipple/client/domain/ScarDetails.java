package io.stipple.client.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A scar to camouflage: its size (a strip's length and width, or the area of FUE extraction dots) and maturity. */
@Embeddable
public class ScarDetails {

    @Column(name = "scar_length_mm")
    public Integer lengthMm;

    @Column(name = "scar_width_mm")
    public Integer widthMm;

    @Column(name = "scar_area_cm2")
    public Integer areaCm2;

    @Enumerated(EnumType.STRING)
    @Column(name = "scar_maturity")
    public ScarMaturity maturity;

    public ScarDetails() {
    }

    public ScarDetails(Integer lengthMm, Integer widthMm, Integer areaCm2, ScarMaturity maturity) {
        this.lengthMm = lengthMm;
        this.widthMm = widthMm;
        this.areaCm2 = areaCm2;
        this.maturity = maturity;
    }
}
