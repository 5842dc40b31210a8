package vn.paknhub.intake;

import static vn.paknhub.intake.Submitter.normalizedOrNull;
import static vn.paknhub.intake.Submitter.singleLineOrNull;

/**
 * An item as the web intake API receives it (Art. 7.1a). Names match the JSON properties one to
 * one because the binding refuses unknown properties.
 *
 * @param field            code from the {@link FieldCatalogue}, optional
 * @param addressee        the body the submitter addresses, free text, optional (Art. 10.4)
 * @param consentToPublish the submitter's answer to the publication question (Art. 5.1)
 * @param kind             what the item is, a name of {@link vn.paknhub.casefile.ItemKind} (Art. 3.1), optional: when
 *                         absent the hub reads it from the text ({@link ItemFactsReader}). A string, not the enum, so
 *                         that an unknown value is answered field by field like every other rule, not as unreadable JSON
 */
public record SubmissionRequest(String title, String content, String field, String addressee, Submitter submitter,
        Boolean consentToPublish, String kind) {

    /**
     * A copy in canonical form (see {@link Submitter#normalized()}), ready for validation and storage; the
     * one-line fields on one line (every channel comes through here: web, email, paper).
     */
    public SubmissionRequest normalized() {
        return new SubmissionRequest(singleLineOrNull(title), normalizedOrNull(content), singleLineOrNull(field),
                singleLineOrNull(addressee), submitter == null ? null : submitter.normalized(), consentToPublish,
                singleLineOrNull(kind));
    }
}
