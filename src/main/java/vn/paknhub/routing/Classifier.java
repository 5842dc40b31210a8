package vn.paknhub.routing;

/**
 * Reads an item and says what it is about and whom it addresses. The vocabulary classifier is
 * simple and explainable; a better model can replace it behind this interface as long as it
 * gives its evidence.
 */
public interface Classifier {

    /**
     * @param stated what the submitter (or staff) stated: a field code and an addressee, either
     *               may be null
     */
    Classification classify(String title, String content, String statedFieldCode, String statedAddressee);
}
