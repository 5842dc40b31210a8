package vn.paknhub.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.paknhub.core.ParkedWork;
import vn.paknhub.core.problem.ApiProblem;

/** Every kind of parked work, listed and taken up again one way, for the operators' API and console alike. */
@Component
public class ParkedWorkDesk {

    private final Map<String, ParkedWork> kinds = new TreeMap<>();

    ParkedWorkDesk(List<ParkedWork> kinds) {
        kinds.forEach(k -> this.kinds.put(k.kind(), k));
    }

    /** Parked items of {@code kind} (null: every kind), at most {@code limit} of each. */
    public List<ParkedWork.Item> list(String kind, int limit) {
        int bounded = Math.max(1, Math.min(limit, 500));
        List<ParkedWork.Item> items = new ArrayList<>();
        for (ParkedWork k : kind == null ? kinds.values() : List.of(kindOf(kind))) {
            items.addAll(k.parked(bounded));
        }
        return items;
    }

    /** Takes one item up again on {@code operator}'s behalf; false when no such item is parked. */
    public boolean replay(String kind, String id, String operator) {
        return kindOf(kind).replay(id, operator);
    }

    private ParkedWork kindOf(String kind) {
        ParkedWork k = kinds.get(kind);
        if (k == null) {
            throw ApiProblem.invalid("kind", "one-of", "«kind» phải là một trong: " + String.join(", ", kinds.keySet()) + ".",
                    "'kind' must be one of: " + String.join(", ", kinds.keySet()) + ".");
        }
        return k;
    }
}
