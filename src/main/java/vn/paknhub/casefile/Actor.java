package vn.paknhub.casefile;

/** Who did something to a case: the role the state machine checks, and an id for the audit log. */
public record Actor(ActorRole role, String id) {

    public static Actor submitter() {
        return new Actor(ActorRole.SUBMITTER, null);
    }
}
