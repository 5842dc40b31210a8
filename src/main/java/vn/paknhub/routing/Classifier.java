package vn.paknhub.routing;

/**
 * Reads an item and says what it is about and whom it addresses. The vocabulary classifier is
 * simple and explainable; a better model can replace it behind this interface as long as it
 * gives its evidence.
 */
public interface Classifier {

    /**
     * @param statedFieldCode  the Đ6 field the submitter chose, or null
     * @param statedAddressee  the body the submitter named (code or name, free text), or null
     */
    Classification classify(String title, String content, String statedFieldCode, String statedAddressee);
}
