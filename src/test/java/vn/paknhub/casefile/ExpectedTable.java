package vn.paknhub.casefile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hand-written expectation in {@code casefile/transitions.csv}. It deliberately shares nothing with
 * the production table, so a mistake has to be made twice to go unnoticed.
 */
final class ExpectedTable {

    static final String RESOURCE = "/casefile/transitions.csv";

    /** Legal (state, action) pairs and legal (state, action, role) triples in the CSV, counted by hand. */
    static final int LEGAL_PAIRS = 87;
    static final int LEGAL_TRIPLES = 133;

    /** One CSV row; {@code target} is a state name, "stay" or "resume". */
    record Row(CaseState state, CaseAction action, Set<ActorRole> roles, String target, CaseState resumeAfter) {

        /** Target this row leads to from {@code ctx}. */
        CaseState expectedTarget(TransitionContext ctx) {
            return switch (target) {
                case "stay" -> ctx.state();
                case "resume" -> ctx.resumeState();
                default -> CaseState.valueOf(target);
            };
        }

        /** Resume state the transition must hand back: a stay keeps whatever was stored. */
        CaseState expectedResumeAfter(TransitionContext ctx) {
            return target.equals("stay") ? ctx.resumeState() : resumeAfter;
        }
    }

    private static final Map<CaseState, Map<CaseAction, Row>> ROWS = load();

    private ExpectedTable() {
    }

    static Row row(CaseState state, CaseAction action) {
        return ROWS.get(state).get(action);
    }

    static List<Row> rows() {
        List<Row> all = new ArrayList<>();
        ROWS.values().forEach(byAction -> all.addAll(byAction.values()));
        return all;
    }

    static boolean permits(CaseState state, CaseAction action, ActorRole role) {
        Row row = row(state, action);
        return row != null && row.roles().contains(role);
    }

    /** Actions the CSV lets {@code role} take in {@code state}. */
    static Set<CaseAction> actionsFor(CaseState state, ActorRole role) {
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : CaseAction.values()) {
            if (permits(state, action, role)) {
                actions.add(action);
            }
        }
        return actions;
    }

    private static Map<CaseState, Map<CaseAction, Row>> load() {
        Map<CaseState, Map<CaseAction, Row>> rows = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            rows.put(state, new EnumMap<>(CaseAction.class));
        }
        try (InputStream in = ExpectedTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            boolean headerSeen = false;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!line.equals("state,action,roles,target,resumeAfter")) {
                        throw new IllegalStateException("Unexpected header at line " + lineNo + ": " + line);
                    }
                    headerSeen = true;
                    continue;
                }
                Row row = parse(line, lineNo);
                if (rows.get(row.state()).putIfAbsent(row.action(), row) != null) {
                    throw new IllegalStateException("Duplicate pair at line " + lineNo + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.replaceAll((state, byAction) -> Collections.unmodifiableMap(byAction));
        return Collections.unmodifiableMap(rows);
    }

    private static Row parse(String line, int lineNo) {
        String[] f = line.split(",", -1);
        if (f.length != 5) {
            throw new IllegalStateException("Expected 5 fields at line " + lineNo + ": " + line);
        }
        Set<ActorRole> roles = EnumSet.noneOf(ActorRole.class);
        for (String letter : f[2].trim().split(" +")) {
            ActorRole role = switch (letter) {
                case "S" -> ActorRole.SUBMITTER;
                case "A" -> ActorRole.AGENCY;
                case "C" -> ActorRole.CENTRAL_OFFICE;
                case "Y" -> ActorRole.SYSTEM;
                default -> throw new IllegalStateException("Unknown role '" + letter + "' at line " + lineNo);
            };
            if (!roles.add(role)) {
                throw new IllegalStateException("Role listed twice at line " + lineNo);
            }
        }
        String target = f[3].trim();
        if (!target.equals("stay") && !target.equals("resume")) {
            CaseState.valueOf(target); // fail loudly on a typo rather than at first use
        }
        CaseState resumeAfter = f[4].isBlank() ? null : CaseState.valueOf(f[4].trim());
        return new Row(CaseState.valueOf(f[0].trim()), CaseAction.valueOf(f[1].trim()), roles, target,
                resumeAfter);
    }
}
