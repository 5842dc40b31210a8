package vn.paknhub.routing;

import java.util.List;

/**
 * What a classifier found in an item, each finding with its confidence (0..1) and its evidence:
 * the words of the item, or the choice of the submitter or of staff, that it rests on.
 *
 * @param addressees bodies the item names, most certain first; among equals, in the order named
 *                   (the first is the candidate lead body, Đ11.2đ)
 */
public record Classification(FieldFinding field, ProcedureFinding procedure, List<AddresseeFinding> addressees) {

    /** @param fieldCode Đ6 field code (a, b, … dd for đ …), or null when no field stands out */
    public record FieldFinding(String fieldCode, double confidence, List<String> evidence) {
    }

    /**
     * @param procedureCode the national administrative-procedure code named in the text, or null
     * @param confidence    how sure the finding "this is about an administrative procedure" is
     */
    public record ProcedureFinding(String procedureCode, double confidence, List<String> evidence) {
    }

    /** @param how where the body was named: see {@link AddresseeSource} */
    public record AddresseeFinding(String agency, double confidence, AddresseeSource how, String evidence) {
    }

    /** Where in the item a body is named, and how much that says about being its addressee. */
    public enum AddresseeSource {
        /** the submitter's "addressee" field, or staff classifying by hand */
        STATED(1.0),
        /** a "Kính gửi:" line */
        SALUTATION(0.9),
        /** a "Đồng kính gửi:" line: a body to inform and involve, not the lead */
        COPY_SALUTATION(0.85),
        /** a request addressed to the body in a sentence: "đề nghị Bộ Y tế …" */
        REQUEST(0.7),
        /** merely mentioned: about it, not necessarily to it */
        MENTION(0.4);

        private final double confidence;

        AddresseeSource(double confidence) {
            this.confidence = confidence;
        }

        public double confidence() {
            return confidence;
        }
    }
}
