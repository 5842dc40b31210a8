package vn.paknhub.casefile;

/** A case's state as answered to any caller, with its bilingual label. */
public record StateView(String code, CaseState state, Label stateLabel) {

    public record Label(String vi, String en) {
    }

    public static StateView of(CaseFile c) {
        return new StateView(c.code(), c.state(), label(c.state()));
    }

    public static Label label(CaseState s) {
        return new Label(s.labelVi(), s.labelEn());
    }
}
