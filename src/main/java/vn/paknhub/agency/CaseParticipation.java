package vn.paknhub.agency;

import java.util.List;

/**
 * Which cases a body takes part in without leading them: the coordinating bodies of a multi-body
 * item (Đ11.2đ), known from where the item was sent.
 */
public interface CaseParticipation {

    boolean coordinates(String caseCode, String agency);

    /** The codes of the cases {@code agency} coordinates, oldest first. */
    List<String> coordinatedBy(String agency, int limit, int offset);
}
