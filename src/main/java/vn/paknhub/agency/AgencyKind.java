package vn.paknhub.agency;

import java.util.Arrays;

/**
 * The kinds of body that Đ10 routes by. The first five are those of reference/agencies.csv; the
 * others are the addressees Đ10.1 and Đ10.3 name that the seed list leaves out.
 */
public enum AgencyKind {
    /** Ban/Văn phòng/Ủy ban of the Party Central Committee. */
    CENTRAL_PARTY_BODY("central_party_body"),
    /** Bộ. */
    MINISTRY("ministry"),
    /** Cơ quan ngang bộ. */
    MINISTRY_LEVEL("ministry_level"),
    /** Cơ quan thuộc Chính phủ. */
    GOV_AGENCY("gov_agency"),
    /** Tỉnh, thành phố trực thuộc trung ương (its People's Committee). */
    PROVINCE("province"),
    /** Bộ Chính trị, Tổng Bí thư, Ban Bí thư and the Party's steering committees of Đ10.1. */
    PARTY_LEADERSHIP("party_leadership"),
    /** Cơ quan của Quốc hội. */
    NATIONAL_ASSEMBLY_BODY("national_assembly_body"),
    /** Mặt trận Tổ quốc Việt Nam. */
    FATHERLAND_FRONT("fatherland_front"),
    /** Ban chỉ đạo of the Government or of a locality (Đ10.3). */
    STEERING_COMMITTEE("steering_committee"),
    /** Tỉnh ủy, thành ủy. */
    PROVINCIAL_PARTY_COMMITTEE("provincial_party_committee");

    private final String label;

    AgencyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AgencyKind ofLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown agency kind '" + label + "'; known: "
                        + Arrays.stream(values()).map(AgencyKind::label).toList()));
    }
}
